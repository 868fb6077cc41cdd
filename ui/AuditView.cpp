#include "ui/AuditView.h"

#include "engine/TokenEngine.h"
#include "items/AuditModel.h"
#include "items/StoreWatcher.h"
#include "ui/Background.h"
#include "ui/InlineMessage.h"
#include "ui/Session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace tessera::ui {
namespace {

// The filter's operation choices: what an administrator asks about, each the
// audit operations it covers.
struct OperationChoice
{
    const char* label;
    QStringList operations;
};

QList<OperationChoice> operationChoices()
{
    const auto ops = [](std::initializer_list<const char*> names) {
        QStringList list;
        for (const char* name : names)
            list << QString::fromLatin1(name);
        return list;
    };
    return {
        {QT_TRANSLATE_NOOP("tessera::ui::AuditView", "All operations"), {}},
        {QT_TRANSLATE_NOOP("tessera::ui::AuditView", "Tokens issued"),
         ops({"token.create", "token.create-root"})},
        {QT_TRANSLATE_NOOP("tessera::ui::AuditView", "Tokens renewed"), ops({"token.renew"})},
        {QT_TRANSLATE_NOOP("tessera::ui::AuditView", "Tokens revoked"),
         ops({"token.revoke", "token.revoke-orphan", "token.expire", "token.use-limit"})},
        {QT_TRANSLATE_NOOP("tessera::ui::AuditView", "Tokens used"),
         ops({"token.use", "gate.check"})},
        {QT_TRANSLATE_NOOP("tessera::ui::AuditView", "Logins"),
         ops({"login", "login.failed", "pass.redeem"})},
        {QT_TRANSLATE_NOOP("tessera::ui::AuditView", "Failed logins"), ops({"login.failed"})},
        {QT_TRANSLATE_NOOP("tessera::ui::AuditView", "Policy changes"),
         ops({"policy.write", "policy.delete"})},
        {QT_TRANSLATE_NOOP("tessera::ui::AuditView", "Role changes"),
         ops({"role.write", "role.delete"})},
        {QT_TRANSLATE_NOOP("tessera::ui::AuditView", "User changes"),
         ops({"user.write", "user.delete", "user.password", "user.import", "user.totp.enable",
              "user.totp.confirm", "user.totp.disable", "user.webauthn.register",
              "user.webauthn.remove"})},
        {QT_TRANSLATE_NOOP("tessera::ui::AuditView", "Store (unlock, rekey, backup)"),
         ops({"store.unlock", "store.rekey", "store.backup"})},
    };
}

} // namespace

AuditView::AuditView(engine::TokenEngine& engine, Session* session, QWidget* parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_session(session)
    , m_model(std::make_unique<items::AuditModel>(engine))
{
    setWindowTitle(tr("Audit Log"));
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("records"));
    m_table->setAccessibleName(tr("Audit records"));
    m_table->setModel(m_model.get());
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->setColumnWidth(items::AuditModel::TimeColumn, 160);
    m_table->setColumnWidth(items::AuditModel::OperationColumn, 150);
    m_table->setColumnWidth(items::AuditModel::ActorColumn, 200);
    m_table->setColumnWidth(items::AuditModel::TargetsColumn, 220);
    m_table->setColumnWidth(items::AuditModel::ClientColumn, 110);
    m_table->setColumnWidth(items::AuditModel::OutcomeColumn, 90);

    m_verdict = new InlineMessage(this);
    m_verdict->setObjectName(QStringLiteral("verdict"));
    m_verify = new QPushButton(tr("&Verify Chain"), this);
    m_verify->setObjectName(QStringLiteral("verify"));
    m_verify->setToolTip(tr("Check that no record was changed, removed or reordered"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_verify, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_verify, &QPushButton::clicked, this, &AuditView::verifyChain);
    connect(m_model.get(), &items::AuditModel::queryFailed, this, [this](const QString& message) {
        m_verdict->showMessage(InlineMessage::Kind::Error,
                               tr("The audit log could not be read: %1").arg(message));
    });

    keepOlderRecordsInView();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildFilterBar());
    layout->addWidget(m_table, 1);
    layout->addWidget(m_verdict);
    layout->addWidget(buttons);
    resize(1100, 640);
    applyFilter();
}

AuditView::~AuditView() = default;

void AuditView::follow(const items::StoreWatcher& watcher)
{
    connect(&watcher, &items::StoreWatcher::auditAppended, m_model.get(),
            &items::AuditModel::fetchNewRecords);
}

void AuditView::keepOlderRecordsInView()
{
    // At the top the new records show; further down the rows in view stay in
    // view. Selection and current row follow their records by themselves.
    QScrollBar* bar = m_table->verticalScrollBar();
    connect(m_model.get(), &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this, bar](const QModelIndex&, int first) {
                m_scrollBeforeInsert = first == 0 ? bar->value() : 0;
            });
    connect(m_model.get(), &QAbstractItemModel::rowsInserted, this,
            [this, bar](const QModelIndex&, int first, int last) {
                if (first != 0 || m_scrollBeforeInsert == 0)
                    return;
                const int rows = last - first + 1;
                const int step = m_table->verticalScrollMode() == QAbstractItemView::ScrollPerItem
                                     ? 1
                                     : m_table->verticalHeader()->defaultSectionSize();
                m_table->doItemsLayout(); // the scroll bar's range grows now, not later
                bar->setValue(m_scrollBeforeInsert + rows * step);
                m_scrollBeforeInsert = 0;
            });
}

QWidget* AuditView::buildFilterBar()
{
    auto* bar = new QWidget(this);
    const QDateTime now = QDateTime::currentDateTime();
    m_fromEnabled = new QCheckBox(tr("&From:"), bar);
    m_from = new QDateTimeEdit(now.addDays(-7), bar);
    m_toEnabled = new QCheckBox(tr("&To:"), bar);
    m_to = new QDateTimeEdit(now, bar);
    for (QDateTimeEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
        edit->setEnabled(false);
    }
    m_from->setAccessibleName(tr("From time"));
    m_to->setAccessibleName(tr("To time"));
    m_operation = new QComboBox(bar);
    for (const OperationChoice& choice : operationChoices())
        m_operation->addItem(tr(choice.label), choice.operations);
    m_operation->setAccessibleName(tr("Operation"));
    m_actor = new QLineEdit(bar);
    m_actor->setPlaceholderText(tr("accessor"));
    m_actor->setClearButtonEnabled(true);
    m_actor->setAccessibleName(tr("Actor"));
    auto* operationLabel = new QLabel(tr("O&peration:"), bar);
    operationLabel->setBuddy(m_operation);
    auto* actorLabel = new QLabel(tr("&Actor:"), bar);
    actorLabel->setBuddy(m_actor);

    m_fromEnabled->setObjectName(QStringLiteral("fromEnabled"));
    m_from->setObjectName(QStringLiteral("from"));
    m_toEnabled->setObjectName(QStringLiteral("toEnabled"));
    m_to->setObjectName(QStringLiteral("to"));
    m_operation->setObjectName(QStringLiteral("operation"));
    m_actor->setObjectName(QStringLiteral("actor"));

    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_fromEnabled);
    layout->addWidget(m_from);
    layout->addSpacing(8);
    layout->addWidget(m_toEnabled);
    layout->addWidget(m_to);
    layout->addSpacing(8);
    layout->addWidget(operationLabel);
    layout->addWidget(m_operation);
    layout->addSpacing(8);
    layout->addWidget(actorLabel);
    layout->addWidget(m_actor, 1);

    // Typing in the actor box asks once the typing pauses, not per key.
    m_filterDelay = new QTimer(this);
    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(300);
    connect(m_filterDelay, &QTimer::timeout, this, &AuditView::applyFilter);
    connect(m_fromEnabled, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_toEnabled, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    connect(m_fromEnabled, &QCheckBox::toggled, this, &AuditView::applyFilter);
    connect(m_toEnabled, &QCheckBox::toggled, this, &AuditView::applyFilter);
    connect(m_from, &QDateTimeEdit::dateTimeChanged, m_filterDelay, qOverload<>(&QTimer::start));
    connect(m_to, &QDateTimeEdit::dateTimeChanged, m_filterDelay, qOverload<>(&QTimer::start));
    connect(m_operation, &QComboBox::currentIndexChanged, this, &AuditView::applyFilter);
    connect(m_actor, &QLineEdit::textChanged, m_filterDelay, qOverload<>(&QTimer::start));
    return bar;
}

void AuditView::applyFilter()
{
    m_filterDelay->stop();
    audit::AuditFilter filter;
    if (m_fromEnabled->isChecked())
        filter.fromMs = m_from->dateTime().toMSecsSinceEpoch();
    if (m_toEnabled->isChecked())
        filter.toMs = m_to->dateTime().toMSecsSinceEpoch();
    filter.operations = m_operation->currentData().toStringList();
    filter.actor = m_actor->text().trimmed();
    m_model->setFilter(filter);
}

void AuditView::verifyChain()
{
    m_verify->setEnabled(false);
    m_verdict->showMessage(InlineMessage::Kind::Info, tr("Verifying the audit chain\u2026"));
    // The session waits for the verification before it locks (and drops the engine).
    std::shared_ptr<Session::BusyScope> busy;
    if (m_session)
        busy = std::make_shared<Session::BusyScope>(*m_session);
    const engine::TokenEngine* engine = &m_engine;
    runInBackground(
        this, [engine] { return engine->admin().verifyAudit(); },
        [this, busy](Result<audit::VerifyReport> report) {
            m_verify->setEnabled(true);
            if (!report.ok()) {
                m_verdict->showMessage(
                    InlineMessage::Kind::Error,
                    tr("The audit log could not be verified: %1").arg(report.error().message));
                return;
            }
            showVerdict(*report);
            Q_EMIT verified(*report);
        });
}

void AuditView::showVerdict(const audit::VerifyReport& report)
{
    m_verdict->showMessage(report.intact ? InlineMessage::Kind::Info : InlineMessage::Kind::Error,
                           describe(report));
}

QString AuditView::describe(const audit::VerifyReport& report)
{
    const QLocale locale;
    if (report.intact)
        return tr("The audit log is intact: all %Ln records are in order and unchanged.", nullptr,
                  int(report.recordsChecked));
    const QString bad = locale.toString(report.firstBadSequence);
    QString what;
    switch (report.kind) {
    case audit::AuditProblem::Changed:
        what = tr("Record %1 was changed after it was written.").arg(bad);
        break;
    case audit::AuditProblem::Missing:
        what = tr("Record %1 is missing: records were deleted from the log.").arg(bad);
        break;
    case audit::AuditProblem::Reordered:
        what = tr("Record %1 is out of place: its content was found at position %2, so records "
                  "were reordered.")
                   .arg(bad, locale.toString(report.otherSequence));
        break;
    case audit::AuditProblem::Truncated:
        what = tr("The newest records were removed: the log ends before record %1.").arg(bad);
        break;
    case audit::AuditProblem::HeadTampered:
        what = tr("The log's seal (its chain head) is missing, forged or does not match the last "
                  "record.");
        break;
    case audit::AuditProblem::None:
        what = report.problem;
        break;
    }
    return tr("The audit log has been tampered with. %1 The first %Ln records are intact.", nullptr,
              int(report.recordsChecked))
        .arg(what);
}

} // namespace tessera::ui
