#include "ui/RevokeDialog.h"

#include "ui/DialogParts.h"
#include "ui/InlineMessage.h"
#include "ui/Session.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QVBoxLayout>

namespace tessera::ui {
namespace {

constexpr int kNamesShown = 8;

QString nameOf(const engine::Token& token)
{
    return token.displayName.isEmpty() ? token.accessor : token.displayName;
}

} // namespace

RevokeDialog::RevokeDialog(engine::TokenEngine& engine, const QList<engine::Token>& tokens,
                           Mode mode, QWidget* parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_tokens(tokens)
    , m_mode(mode)
{
    setWindowTitle(mode == Mode::Subtree ? tr("Revoke Tokens") : tr("Revoke, Keep Children"));
    count();

    auto* icon = DialogParts::warningIcon(this);
    m_question = new QLabel(question(), this);
    m_question->setObjectName(QStringLiteral("question"));
    m_question->setWordWrap(true);
    QFont bold = m_question->font();
    bold.setBold(true);
    m_question->setFont(bold);

    QStringList details;
    if (m_tokens.size() > 1) {
        QStringList names;
        for (const engine::Token& token :
             std::as_const(m_tokens).first(std::min<qsizetype>(m_tokens.size(), kNamesShown)))
            names << QStringLiteral("\u2022 ") + nameOf(token);
        if (m_tokens.size() > kNamesShown)
            names << tr("\u2026 and %Ln more", "", int(m_tokens.size() - kNamesShown));
        details << names.join(u'\n');
    }
    if (m_nested > 0 && m_mode == Mode::Subtree)
        details << tr("Selected tokens inside another selected token's subtree: %Ln. They are "
                      "counted once.",
                      "", m_nested);
    details << (m_mode == Mode::Subtree
                    ? tr("Applications using these tokens lose access at once. This cannot be "
                         "undone.")
                    : tr("Their children stay valid and become top-level orphans. This cannot be "
                         "undone."));
    auto* detailLabel = new QLabel(details.join(QStringLiteral("\n\n")), this);
    detailLabel->setObjectName(QStringLiteral("details"));
    detailLabel->setWordWrap(true);

    auto* error = new InlineMessage(this);
    error->showMessage(InlineMessage::Kind::Error, m_countError);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto* revoke =
        buttons->addButton(m_mode == Mode::Subtree ? tr("&Revoke") : tr("&Revoke, Keep Children"),
                           QDialogButtonBox::AcceptRole);
    revoke->setObjectName(QStringLiteral("revoke"));
    revoke->setEnabled(m_countError.isEmpty());
    // Destructive: Enter alone must not revoke.
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* text = new QVBoxLayout;
    text->addWidget(m_question);
    text->addWidget(detailLabel);
    text->addWidget(error);
    auto* row = new QHBoxLayout;
    row->addWidget(icon, 0, Qt::AlignTop);
    row->addSpacing(8);
    row->addLayout(text, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(460);
    buttons->button(QDialogButtonBox::Cancel)->setFocus();
}

void RevokeDialog::count()
{
    QSet<QString> selected;
    for (const engine::Token& token : std::as_const(m_tokens))
        selected.insert(token.accessor);
    const engine::Caller owner = Session::caller();
    for (const engine::Token& token : std::as_const(m_tokens)) {
        // Inside another selected subtree? Walk up the (short) parent chain.
        bool nested = false;
        QString ancestor = token.parentAccessor;
        while (!ancestor.isEmpty() && !nested) {
            if (selected.contains(ancestor)) {
                nested = true;
                break;
            }
            auto parent = m_engine.tokens().lookup(owner, engine::TokenRef::accessor(ancestor));
            ancestor = parent.ok() ? parent->parentAccessor : QString();
        }
        if (nested) {
            ++m_nested;
            continue;
        }
        m_outermost << token.accessor;
        if (m_mode == Mode::Subtree) {
            auto descendants = m_engine.browser().descendantCount(token.accessor);
            if (!descendants.ok()) {
                m_countError = tr("Cannot count the tokens below \u201c%1\u201d: %2")
                                   .arg(nameOf(token), descendants.error().message);
                continue;
            }
            m_descendants += *descendants;
        }
    }
    m_total = m_mode == Mode::Subtree ? m_outermost.size() + m_descendants : m_tokens.size();
}

QString RevokeDialog::question() const
{
    if (m_tokens.size() == 1) {
        const QString name = nameOf(m_tokens.first());
        if (m_mode == Mode::KeepChildren)
            return tr("Revoke \u201c%1\u201d only, and keep its children as orphans?").arg(name);
        if (m_descendants == 0)
            return tr("Revoke \u201c%1\u201d? It has no descendant tokens.").arg(name);
        if (m_descendants == 1)
            return tr("Revoke \u201c%1\u201d and its one descendant token?").arg(name);
        return tr("Revoke \u201c%1\u201d and its %Ln descendant tokens?", "", int(m_descendants))
            .arg(name);
    }
    if (m_mode == Mode::KeepChildren)
        return tr("Revoke these %Ln tokens only, and keep their children as orphans?", "",
                  int(m_tokens.size()));
    return tr("Revoke %Ln selected tokens and their descendants, %1 tokens in all?", "",
              int(m_tokens.size()))
        .arg(QLocale().toString(m_total));
}

std::function<Result<QStringList>()> RevokeDialog::work() const
{
    engine::TokenEngine* engine = &m_engine;
    const QStringList targets = m_mode == Mode::Subtree ? m_outermost : [this] {
        QStringList all;
        for (const engine::Token& token : m_tokens)
            all << token.accessor;
        return all;
    }();
    const Mode mode = m_mode;
    return [engine, targets, mode]() -> Result<QStringList> {
        QStringList revoked;
        const engine::Caller owner = Session::caller();
        for (const QString& accessor : targets) {
            const auto ref = engine::TokenRef::accessor(accessor);
            auto done = mode == Mode::Subtree ? engine->tokens().revoke(owner, ref)
                                              : engine->tokens().revokeOrphan(owner, ref);
            TESSERA_TRY(done);
            revoked << *done;
        }
        return revoked;
    };
}

} // namespace tessera::ui
