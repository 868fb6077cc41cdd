#pragma once

#include "engine/TokenEngine.h"
#include "ui/NamedObjectEditor.h"

class QLineEdit;
class QPlainTextEdit;

namespace tessera::ui {

// ACL policies in Vault's policy language (HCL or JSON). The text is parsed
// as it is typed (PolicyParser); an error is shown with its line, which is
// highlighted. "root" cannot be edited; "root" and "default" cannot be deleted.
class PolicyEditor : public NamedObjectEditor
{
    Q_OBJECT

public:
    explicit PolicyEditor(engine::TokenEngine& engine, QWidget* parent = nullptr);

    // What a new policy starts with.
    static QString newPolicyTemplate();
    // The line a parse error names ("Line 3: …"), or 0.
    int errorLine() const { return m_errorLine; }

protected:
    Result<QStringList> names() const override;
    void showObject(const QString& name) override;
    QString formProblem() const override;
    Result<QString> saveObject() override;
    Status removeObject(const QString& name) override;
    bool isDeletable(const QString& name) const override;
    bool isEditable(const QString& name) const override;

private:
    void highlightErrorLine();

    engine::TokenEngine& m_engine;
    QLineEdit* m_name = nullptr;
    QPlainTextEdit* m_text = nullptr;
    mutable int m_errorLine = 0;
};

} // namespace tessera::ui
