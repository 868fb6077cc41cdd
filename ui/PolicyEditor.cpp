#include "ui/PolicyEditor.h"

#include "engine/Policy.h"
#include "engine/PolicyParser.h"
#include "ui/InlineMessage.h"
#include "ui/Session.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QTextBlock>
#include <QVBoxLayout>

namespace tessera::ui {

using engine::Policy;

PolicyEditor::PolicyEditor(engine::TokenEngine& engine, QWidget* parent)
    : NamedObjectEditor(tr("Policies"), tr("&Policies:"), parent)
    , m_engine(engine)
{
    auto* form = new QWidget(this);
    m_name = new QLineEdit(form);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("e.g. ebooks-reader"));
    m_text = new QPlainTextEdit(form);
    m_text->setObjectName(QStringLiteral("text"));
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setTabChangesFocus(true);
    m_text->setAccessibleName(tr("Policy text"));
    m_text->setTabStopDistance(m_text->fontMetrics().horizontalAdvance(u' ') * 2);
    auto* nameLabel = new QLabel(tr("&Name:"), form);
    nameLabel->setBuddy(m_name);
    auto* textLabel = new QLabel(tr("R&ules (Vault policy language, HCL or JSON):"), form);
    textLabel->setBuddy(m_text);
    auto* nameRow = new QFormLayout;
    nameRow->addRow(nameLabel, m_name);
    auto* layout = new QVBoxLayout(form);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(nameRow);
    layout->addWidget(textLabel);
    layout->addWidget(m_text, 1);
    setTabOrder(m_name, m_text);

    connect(m_name, &QLineEdit::textEdited, this, [this] { formChanged(); });
    connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
        formChanged();
        highlightErrorLine();
    });
    setUp(form);
    resize(860, 560);
}

QString PolicyEditor::newPolicyTemplate()
{
    return QStringLiteral("# Read access to the e-book collection.\n"
                          "path \"ebooks/*\" {\n"
                          "  capabilities = [\"read\", \"list\"]\n"
                          "}\n");
}

Result<QStringList> PolicyEditor::names() const
{
    return m_engine.admin().policyNames(Session::caller());
}

void PolicyEditor::showObject(const QString& name)
{
    QString text = newPolicyTemplate();
    if (!name.isEmpty() && name != Policy::rootName()) {
        auto found = m_engine.admin().policy(Session::caller(), name);
        if (!found.ok()) {
            showError(found.error().message);
            return;
        }
        text = *found;
    } else if (name == Policy::rootName()) {
        text = tr("# The built-in root policy allows everything. It cannot be changed.\n");
    }
    m_name->setText(name);
    m_name->setReadOnly(!name.isEmpty());
    m_text->setPlainText(text);
    highlightErrorLine();
}

QString PolicyEditor::formProblem() const
{
    m_errorLine = 0;
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        return tr("Give the policy a name.");
    if (const Status writable = Policy::checkWritable(name); !writable.ok())
        return asSentence(writable.error().message);
    const auto parsed = engine::PolicyParser::parse(name, m_text->toPlainText());
    if (parsed.ok())
        return {};
    const QString message = parsed.error().message;
    static const QRegularExpression linePrefix(QStringLiteral("^Line (\\d+):"));
    if (const auto match = linePrefix.match(message); match.hasMatch())
        m_errorLine = match.captured(1).toInt();
    return asSentence(message);
}

void PolicyEditor::highlightErrorLine()
{
    QList<QTextEdit::ExtraSelection> selections;
    if (m_errorLine > 0) {
        QTextEdit::ExtraSelection line;
        line.cursor = QTextCursor(m_text->document()->findBlockByNumber(m_errorLine - 1));
        line.format.setBackground(QColor(0xfb, 0xe3, 0xe4));
        line.format.setProperty(QTextFormat::FullWidthSelection, true);
        selections << line;
    }
    m_text->setExtraSelections(selections);
}

Result<QString> PolicyEditor::saveObject()
{
    const QString name = m_name->text().trimmed().toLower();
    TESSERA_TRY(checkNameFree(name, tr("a policy named “%1” exists already").arg(name)));
    TESSERA_TRY(m_engine.admin().putPolicy(Session::caller(), name, m_text->toPlainText()));
    return name;
}

Status PolicyEditor::removeObject(const QString& name)
{
    return m_engine.admin().deletePolicy(Session::caller(), name);
}

bool PolicyEditor::isDeletable(const QString& name) const
{
    return !name.isEmpty() && Policy::checkDeletable(name).ok();
}

bool PolicyEditor::isEditable(const QString& name) const
{
    return name != Policy::rootName();
}

} // namespace tessera::ui
