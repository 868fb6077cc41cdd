#pragma once

#include "core/Result.h"

#include <QDialog>
#include <optional>

class QDialogButtonBox;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace tessera::ui {

class InlineMessage;

// The shape the roles, policies and users editors share: a list of names on
// the left (New, Delete), the selected object's form on the right, and Save /
// Revert under it. Subclasses say how to list, show, check, save and delete.
// Save stays disabled while the form has a problem, which is shown inline.
class NamedObjectEditor : public QDialog
{
    Q_OBJECT

public:
    QString currentName() const { return m_current; }
    // Selects `name` in the list (as a click does); false if it is not there.
    bool select(const QString& name);
    // Starts a new object, as the New button does.
    void startNew();
    // Saves the form, as the Save button does; false (and the reason shown) on failure.
    bool save();
    QString problem() const { return m_problemText; }
    bool isDirty() const { return m_dirty; }

protected:
    NamedObjectEditor(const QString& title, const QString& listLabel, QWidget* parent);

    // Call once from the subclass constructor, after building `form`.
    void setUp(QWidget* form);
    // Call on every edit of the form.
    void formChanged();
    void showError(const QString& text);
    // The object named `name` (read by `load`), or a new one's defaults for an
    // empty name; nothing, the error shown, when it cannot be read.
    template <typename T, typename Load> std::optional<T> loadOrNew(const QString& name, Load load)
    {
        if (name.isEmpty())
            return T{};
        auto found = load(name);
        if (!found.ok()) {
            showError(found.error().message);
            return std::nullopt;
        }
        return std::optional<T>(std::move(*found));
    }
    // A new object cannot take an existing one's name: the error is `taken`.
    Status checkNameFree(const QString& name, const QString& taken) const;

    virtual Result<QStringList> names() const = 0;
    // Shows `name` in the form; an empty name: a new object's defaults.
    virtual void showObject(const QString& name) = 0;
    // Why the form cannot be saved, or empty.
    virtual QString formProblem() const = 0;
    // Writes the form; on success, the saved object's name.
    virtual Result<QString> saveObject() = 0;
    virtual Status removeObject(const QString& name) = 0;
    virtual bool isDeletable(const QString& name) const { return !name.isEmpty(); }
    virtual bool isEditable(const QString& /*name*/) const { return true; }

private:
    void reloadNames(const QString& select);
    void revalidate();
    void onCurrentChanged(QListWidgetItem* current, QListWidgetItem* previous);
    bool confirmDiscard();
    void removeCurrent();
    void revert();
    void updateButtons();

    QListWidget* m_list = nullptr;
    QPushButton* m_new = nullptr;
    QPushButton* m_delete = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_revert = nullptr;
    QWidget* m_form = nullptr;
    InlineMessage* m_message = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QString m_current; // the object shown; empty while a new one is being made
    QString m_problemText;
    bool m_dirty = false;
    bool m_loading = false;
};

} // namespace tessera::ui
