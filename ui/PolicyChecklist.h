#pragma once

#include <QListWidget>
#include <QStringList>

namespace tessera::ui {

// A list of policy names with a check box each: the policies of a token,
// a role's allowed or disallowed ones, a user's.
class PolicyChecklist : public QListWidget
{
    Q_OBJECT

public:
    explicit PolicyChecklist(QWidget* parent = nullptr);

    // The names offered; checked names stay checked if still offered.
    void setOffered(const QStringList& names);
    QStringList offered() const;
    // Checks exactly `names` among those offered; returns the ones not offered.
    QStringList setChecked(const QStringList& names);
    QStringList checked() const;

Q_SIGNALS:
    void checkedChanged();
};

} // namespace tessera::ui
