#include "ui/IssueTokenDialog.h"

#include "engine/CreationPlan.h"
#include "engine/Duration.h"
#include "engine/Policy.h"
#include "ui/DialogParts.h"
#include "ui/DurationEdit.h"
#include "ui/InlineMessage.h"
#include "ui/PolicyChecklist.h"
#include "ui/Session.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSet>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tessera::ui {

using engine::Policy;
using engine::Role;
using engine::RoleTokenType;
using engine::TokenRequest;
using engine::TokenType;

namespace {

// The parent box's data: an index into m_parents, or this for the top level.
constexpr int kTopLevel = -1;

bool canHaveChildren(const engine::Token& token)
{
    return token.type == TokenType::Service && !token.hasUseLimit();
}

QString nameOf(const engine::Token& token)
{
    return token.displayName.isEmpty() ? token.accessor : token.displayName;
}

// A request field equal to the role's is left unset: the engine then applies
// the role's value without a "specified both in the call and in the role" warning.
qint64 unlessRoles(qint64 value, qint64 roleValue)
{
    return value == roleValue ? 0 : value;
}

} // namespace

IssueTokenDialog::IssueTokenDialog(engine::TokenEngine& engine,
                                   const std::optional<engine::Token>& selected, QWidget* parent)
    : QDialog(parent)
    , m_engine(engine)
{
    setWindowTitle(tr("Issue Token"));
    findParents(selected);
    auto* columns = new QHBoxLayout;
    columns->addWidget(buildRoleList());
    columns->addWidget(buildForm(), 1);
    if (selected && !selected->accessor.isEmpty() && !canHaveChildren(*selected)) {
        m_parentNote->setText(tr("\u201c%1\u201d has a use limit, so it cannot have children.")
                                  .arg(nameOf(*selected)));
    }
    m_parentNote->setVisible(!m_parentNote->text().isEmpty());

    m_problem = new InlineMessage(this);
    m_summary = new InlineMessage(this);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_issue = m_buttons->addButton(tr("&Issue Token"), QDialogButtonBox::AcceptRole);
    m_issue->setDefault(true);
    m_issue->setObjectName(QStringLiteral("issue"));
    auto* link =
        m_buttons->addButton(tr("&Link for One Document\u2026"), QDialogButtonBox::ResetRole);
    link->setObjectName(QStringLiteral("link"));
    link->setToolTip(tr("A one-use link to one page behind the gate, instead of a token"));
    connect(link, &QPushButton::clicked, this, [this] {
        reject();
        Q_EMIT linkForDocumentRequested();
    });
    m_problem->setObjectName(QStringLiteral("problem"));
    m_summary->setObjectName(QStringLiteral("summary"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &IssueTokenDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    loadPolicies();
    m_ttl->setValue(kDefaultTtl);
    applyByHand();
    m_displayName->setFocus();
}

void IssueTokenDialog::findParents(const std::optional<engine::Token>& selected)
{
    std::optional<engine::Token> token = selected;
    QSet<QString> seen;
    while (token && !token->accessor.isEmpty() && !seen.contains(token->accessor)) {
        seen.insert(token->accessor);
        if (canHaveChildren(*token))
            m_parents << *token;
        if (token->parentAccessor.isEmpty())
            break;
        auto up = m_engine.tokens().lookup(Session::caller(),
                                           engine::TokenRef::accessor(token->parentAccessor));
        token = up.ok() ? std::optional<engine::Token>(*up) : std::nullopt;
    }
}

std::optional<engine::Token> IssueTokenDialog::parentToken() const
{
    const int index = m_parent->currentData().toInt();
    if (index == kTopLevel || m_orphan->isChecked() || (m_role && m_role->orphan))
        return std::nullopt;
    return m_parents.value(index);
}

QStringList IssueTokenDialog::boundingPolicies() const
{
    const auto parent = parentToken();
    return parent ? parent->policies : QStringList{Policy::rootName()};
}

QWidget* IssueTokenDialog::buildRoleList()
{
    auto* box = new QWidget(this);
    auto* label = new QLabel(tr("From a &role:"), box);
    m_roles = new QListWidget(box);
    m_roles->setAccessibleName(tr("Roles"));
    m_roles->setObjectName(QStringLiteral("roles"));
    m_roles->setToolTip(tr("One click fills the form with the role's settings"));
    label->setBuddy(m_roles);
    auto* byHand = new QListWidgetItem(tr("By hand (no role)"), m_roles);
    QFont italic = byHand->font();
    italic.setItalic(true);
    byHand->setFont(italic);
    auto names = m_engine.admin().roleNames(Session::caller());
    if (names.ok()) {
        for (const QString& name : std::as_const(*names)) {
            auto* item = new QListWidgetItem(name, m_roles);
            item->setData(Qt::UserRole, name);
        }
    }
    m_roles->setCurrentRow(0);
    m_roles->setMinimumWidth(180);
    m_roles->setMaximumWidth(240);
    connect(m_roles, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        const QString name = item ? item->data(Qt::UserRole).toString() : QString();
        if (name.isEmpty())
            applyByHand();
        else
            applyRole(name);
    });
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_roles, 1);
    return box;
}

QWidget* IssueTokenDialog::buildForm()
{
    auto* form = new QWidget(this);

    // --- the token ---
    auto* tokenBox = new QGroupBox(tr("Token"), form);
    auto* tokenForm = new QFormLayout(tokenBox);
    m_parent = new QComboBox(tokenBox);
    m_parent->addItem(tr("Top level (no parent)"), kTopLevel);
    for (int index = 0; index < m_parents.size(); ++index)
        m_parent->addItem(tr("Child of \u201c%1\u201d").arg(nameOf(m_parents.at(index))), index);
    m_parent->setCurrentIndex(m_parents.isEmpty() ? 0 : 1);
    m_parent->setToolTip(tr("The selected token and those above it that can have children"));
    m_parentNote = new QLabel(tokenBox);
    m_parentNote->setWordWrap(true);
    m_parentNote->setObjectName(QStringLiteral("parentNote"));
    m_parentNote->hide();
    m_displayName = new QLineEdit(tokenBox);
    m_displayName->setPlaceholderText(tr("e.g. visitor 2041, desk 3"));
    m_displayName->setClearButtonEnabled(true);
    m_service = new QRadioButton(tr("&Service"), tokenBox);
    m_batch = new QRadioButton(tr("&Batch"), tokenBox);
    m_service->setToolTip(tr("Stored, renewable, can have children and a use limit"));
    m_batch->setToolTip(tr("Not stored: lightweight, fixed lifetime, no children"));
    m_service->setChecked(true);
    auto* typeRow = new QHBoxLayout;
    typeRow->addWidget(m_service);
    typeRow->addWidget(m_batch);
    typeRow->addStretch(1);
    m_orphan = new QCheckBox(tr("&Orphan (stays valid when its parent is revoked)"), tokenBox);

    auto* parentLabel = new QLabel(tr("&Parent:"), tokenBox);
    parentLabel->setBuddy(m_parent);
    auto* nameLabel = new QLabel(tr("Display &name:"), tokenBox);
    nameLabel->setBuddy(m_displayName);
    tokenForm->addRow(parentLabel, m_parent);
    tokenForm->addRow(QString(), m_parentNote);
    tokenForm->addRow(QString(), m_orphan);
    tokenForm->addRow(nameLabel, m_displayName);
    tokenForm->addRow(tr("Type:"), typeRow);

    // --- policies ---
    auto* policyBox = new QGroupBox(tr("Po&licies"), form);
    m_policies = new PolicyChecklist(policyBox);
    m_policies->setAccessibleName(tr("Policies"));
    m_policies->setMinimumHeight(110);
    m_anyPolicy = new QCheckBox(tr("Offer e&very policy (store owner)"), policyBox);
    m_anyPolicy->setToolTip(tr("The store owner may give any policy, even one the parent lacks"));
    m_noDefaultPolicy = new QCheckBox(tr("Without the “default” polic&y"), policyBox);
    auto* policyLayout = new QVBoxLayout(policyBox);
    policyLayout->addWidget(m_policies, 1);
    policyLayout->addWidget(m_anyPolicy);
    policyLayout->addWidget(m_noDefaultPolicy);

    // --- lifetime ---
    auto* lifeBox = new QGroupBox(tr("Lifetime"), form);
    auto* lifeForm = new QFormLayout(lifeBox);
    m_ttl = new DurationEdit(lifeBox);
    m_ttl->setNoneText(tr("Default"));
    m_ttl->setFieldName(tr("TTL"));
    m_maxTtl = new DurationEdit(lifeBox);
    m_maxTtl->setNoneText(tr("None"));
    m_maxTtl->setFieldName(tr("Explicit max TTL"));
    m_period = new DurationEdit(lifeBox);
    m_period->setNoneText(tr("Not periodic"));
    m_period->setFieldName(tr("Period"));
    m_activateWithin = new DurationEdit(lifeBox);
    m_activateWithin->setNoneText(tr("From its creation"));
    m_activateWithin->setFieldName(tr("Start at first use within"));
    m_activateWithin->setToolTip(
        tr("A pass valid from its first use: its TTL starts when it is first used, which must "
           "happen within this time; unused, it expires then."));
    m_renewable = new QCheckBox(tr("Rene&wable"), lifeBox);
    m_renewable->setChecked(true);
    m_warnBeforeExpiry = new QCheckBox(tr("Warn be&fore expiry"), lifeBox);
    m_warnBeforeExpiry->setToolTip(
        tr("Announce the token on the desktop and list it under Token › Expiring Soon shortly "
           "before it expires (staff tokens are listed anyway)"));
    auto* ttlLabel = new QLabel(tr("&TTL:"), lifeBox);
    ttlLabel->setBuddy(m_ttl);
    auto* maxLabel = new QLabel(tr("E&xplicit max TTL:"), lifeBox);
    maxLabel->setBuddy(m_maxTtl);
    auto* periodLabel = new QLabel(tr("Peri&od:"), lifeBox);
    periodLabel->setBuddy(m_period);
    lifeForm->addRow(ttlLabel, m_ttl);
    lifeForm->addRow(maxLabel, m_maxTtl);
    auto* activateLabel = new QLabel(tr("Start at &first use within:"), lifeBox);
    activateLabel->setBuddy(m_activateWithin);
    lifeForm->addRow(periodLabel, m_period);
    lifeForm->addRow(activateLabel, m_activateWithin);
    lifeForm->addRow(QString(), m_renewable);
    lifeForm->addRow(QString(), m_warnBeforeExpiry);

    // --- uses ---
    auto* usesBox = new QGroupBox(tr("Uses"), form);
    m_unlimited = new QRadioButton(tr("&Unlimited"), usesBox);
    m_oneUse = new QRadioButton(tr("O&ne use"), usesBox);
    m_limited = new QRadioButton(tr("Li&mited to"), usesBox);
    m_uses = new QSpinBox(usesBox);
    m_uses->setRange(2, 1'000'000);
    m_uses->setSuffix(tr(" uses"));
    m_uses->setAccessibleName(tr("Number of uses"));
    auto* usesGroup = new QButtonGroup(usesBox);
    usesGroup->addButton(m_unlimited);
    usesGroup->addButton(m_oneUse);
    usesGroup->addButton(m_limited);
    m_unlimited->setChecked(true);
    auto* usesLayout = new QHBoxLayout(usesBox);
    usesLayout->addWidget(m_unlimited);
    usesLayout->addWidget(m_oneUse);
    usesLayout->addWidget(m_limited);
    usesLayout->addWidget(m_uses);
    usesLayout->addStretch(1);

    // --- metadata ---
    auto* metaBox = new QGroupBox(tr("Metadata"), form);
    m_meta = new QTableWidget(0, 2, metaBox);
    m_meta->setHorizontalHeaderLabels({tr("Key"), tr("Value")});
    m_meta->horizontalHeader()->setStretchLastSection(true);
    m_meta->horizontalHeader()->resizeSection(0, 160);
    m_meta->verticalHeader()->setVisible(false);
    m_meta->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_meta->setAccessibleName(tr("Metadata"));
    m_meta->setMinimumHeight(90);
    m_meta->setTabKeyNavigation(false);
    m_addMeta = new QPushButton(tr("&Add Row"), metaBox);
    m_removeMeta = new QPushButton(tr("R&emove Row"), metaBox);
    auto* metaButtons = new QVBoxLayout;
    metaButtons->addWidget(m_addMeta);
    metaButtons->addWidget(m_removeMeta);
    metaButtons->addStretch(1);
    auto* metaLayout = new QHBoxLayout(metaBox);
    metaLayout->addWidget(m_meta, 1);
    metaLayout->addLayout(metaButtons);

    auto* left = new QVBoxLayout;
    left->addWidget(tokenBox);
    left->addWidget(policyBox, 1);
    auto* right = new QVBoxLayout;
    right->addWidget(lifeBox);
    right->addWidget(usesBox);
    right->addWidget(metaBox, 1);
    auto* layout = new QHBoxLayout(form);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(left, 1);
    layout->addLayout(right, 1);

    const auto changed = [this] { revalidate(); };
    connect(m_parent, &QComboBox::currentIndexChanged, this, [this] {
        refreshOfferedPolicies();
        revalidate();
    });
    connect(m_anyPolicy, &QCheckBox::toggled, this, [this] {
        refreshOfferedPolicies();
        revalidate();
    });
    connect(m_orphan, &QCheckBox::toggled, this, [this](bool orphan) {
        m_parent->setEnabled(!orphan && !m_role);
        refreshOfferedPolicies();
        revalidate();
    });
    connect(m_displayName, &QLineEdit::textChanged, this, changed);
    connect(m_policies, &PolicyChecklist::checkedChanged, this, changed);
    connect(m_noDefaultPolicy, &QCheckBox::toggled, this, changed);
    connect(m_service, &QRadioButton::toggled, this, &IssueTokenDialog::onTypeChanged);
    connect(m_ttl, &DurationEdit::valueChanged, this, changed);
    connect(m_maxTtl, &DurationEdit::valueChanged, this, changed);
    connect(m_period, &DurationEdit::valueChanged, this, changed);
    connect(m_activateWithin, &DurationEdit::valueChanged, this, changed);
    connect(m_renewable, &QCheckBox::toggled, this, changed);
    connect(m_warnBeforeExpiry, &QCheckBox::toggled, this, changed);
    connect(m_unlimited, &QRadioButton::toggled, this, changed);
    connect(m_oneUse, &QRadioButton::toggled, this, changed);
    connect(m_limited, &QRadioButton::toggled, this, [this](bool on) {
        m_uses->setEnabled(on);
        revalidate();
    });
    connect(m_uses, &QSpinBox::valueChanged, this, changed);
    connect(m_meta, &QTableWidget::itemChanged, this, changed);
    connect(m_addMeta, &QPushButton::clicked, this, &IssueTokenDialog::addMetadataRow);
    connect(m_removeMeta, &QPushButton::clicked, this, &IssueTokenDialog::removeMetadataRows);
    m_uses->setEnabled(false);

    // Reading order: the left column top to bottom, then the right one (the
    // orphan box is made after the type buttons but shown above them).
    setTabOrder(m_roles, m_parent);
    setTabOrder(m_parent, m_orphan);
    setTabOrder(m_orphan, m_displayName);
    setTabOrder(m_displayName, m_service);
    setTabOrder(m_service, m_batch);
    setTabOrder(m_batch, m_policies);
    // Names for tests.
    m_parent->setObjectName(QStringLiteral("parent"));
    m_displayName->setObjectName(QStringLiteral("displayName"));
    m_policies->setObjectName(QStringLiteral("policies"));
    m_anyPolicy->setObjectName(QStringLiteral("anyPolicy"));
    m_noDefaultPolicy->setObjectName(QStringLiteral("noDefaultPolicy"));
    m_service->setObjectName(QStringLiteral("service"));
    m_batch->setObjectName(QStringLiteral("batch"));
    m_ttl->setObjectName(QStringLiteral("ttl"));
    m_maxTtl->setObjectName(QStringLiteral("maxTtl"));
    m_period->setObjectName(QStringLiteral("period"));
    m_activateWithin->setObjectName(QStringLiteral("activateWithin"));
    m_renewable->setObjectName(QStringLiteral("renewable"));
    m_warnBeforeExpiry->setObjectName(QStringLiteral("warnBeforeExpiry"));
    m_unlimited->setObjectName(QStringLiteral("unlimited"));
    m_oneUse->setObjectName(QStringLiteral("oneUse"));
    m_limited->setObjectName(QStringLiteral("limited"));
    m_uses->setObjectName(QStringLiteral("uses"));
    m_orphan->setObjectName(QStringLiteral("orphan"));
    m_meta->setObjectName(QStringLiteral("meta"));
    m_addMeta->setObjectName(QStringLiteral("addMeta"));
    m_removeMeta->setObjectName(QStringLiteral("removeMeta"));
    return form;
}

void IssueTokenDialog::loadPolicies()
{
    auto names = m_engine.admin().policyNames(Session::caller());
    m_allPolicies = names.ok() ? *names : QStringList{Policy::defaultName()};
    m_allPolicies.removeAll(Policy::rootName());
    refreshOfferedPolicies();
}

void IssueTokenDialog::refreshOfferedPolicies()
{
    // What the engine would accept: a role's allowed policies when it names
    // some; otherwise the parent's (all when there is no parent, or when the
    // owner chooses to look beyond them); never what the role disallows.
    // Root only by hand, where the parent has it (or at the top level), last.
    QStringList offered;
    const auto parent = parentToken();
    if (m_role && !m_role->allowedPolicies.isEmpty()) {
        offered = Policy::sanitizeNames(m_role->allowedPolicies, false);
    } else if (parent && !m_anyPolicy->isChecked() && !parent->isRoot()) {
        offered = parent->policies;
    } else {
        offered = m_allPolicies;
    }
    if (m_role) {
        for (const QString& name : Policy::sanitizeNames(m_role->disallowedPolicies, false))
            offered.removeAll(name);
    }
    offered.removeAll(Policy::rootName());
    if (!m_role && boundingPolicies().contains(Policy::rootName()))
        offered << Policy::rootName();
    m_policies->setOffered(offered);
}

void IssueTokenDialog::applyByHand()
{
    m_role.reset();
    {
        const QSignalBlocker roles(m_roles);
        m_roles->setCurrentRow(0);
    }
    m_parent->setEnabled(!m_orphan->isChecked());
    m_orphan->setEnabled(true);
    m_service->setEnabled(true);
    m_batch->setEnabled(true);
    m_anyPolicy->setEnabled(true);
    refreshOfferedPolicies();
    revalidate();
}

void IssueTokenDialog::applyRole(const QString& name)
{
    auto found = m_engine.admin().role(Session::caller(), name);
    if (!found.ok()) {
        m_problem->showMessage(
            InlineMessage::Kind::Error,
            tr("Cannot read the role \u201c%1\u201d: %2").arg(name, found.error().message));
        return;
    }
    m_role = *found;
    const Role& role = *m_role;
    {
        const QSignalBlocker roles(m_roles);
        for (int row = 0; row < m_roles->count(); ++row) {
            if (m_roles->item(row)->data(Qt::UserRole).toString() == role.name)
                m_roles->setCurrentRow(row);
        }
    }
    m_orphan->setChecked(role.orphan);
    m_orphan->setEnabled(false); // the role decides
    m_parent->setEnabled(!role.orphan);
    const RoleTokenType type = role.settings.tokenType;
    const bool batch = type == RoleTokenType::Batch || type == RoleTokenType::DefaultBatch;
    (batch ? m_batch : m_service)->setChecked(true);
    const bool fixedType = type == RoleTokenType::Batch || type == RoleTokenType::Service;
    m_service->setEnabled(!fixedType);
    m_batch->setEnabled(!fixedType);
    m_anyPolicy->setEnabled(role.allowedPolicies.isEmpty());
    m_ttl->setValue(role.settings.ttl);
    m_maxTtl->setValue(role.settings.explicitMaxTtl);
    m_period->setValue(role.settings.period);
    m_renewable->setChecked(role.renewable && !batch);
    m_noDefaultPolicy->setChecked(role.settings.noDefaultPolicy);
    if (role.settings.numUses == 1)
        m_oneUse->setChecked(true);
    else if (role.settings.numUses > 1) {
        m_limited->setChecked(true);
        m_uses->setValue(role.settings.numUses);
    } else
        m_unlimited->setChecked(true);
    if (role.settings.ttl == 0 && role.settings.period == 0) {
        // Not the system default (a month): an hour, or the role's max if shorter.
        m_ttl->setValue(role.settings.explicitMaxTtl > 0
                            ? std::min(kDefaultTtl, role.settings.explicitMaxTtl)
                            : kDefaultTtl);
    }
    refreshOfferedPolicies();
    // As the engine does when none are named: every policy the role allows.
    m_policies->setChecked(Policy::sanitizeNames(role.allowedPolicies, false));
    revalidate();
}

void IssueTokenDialog::onTypeChanged()
{
    // Batch tokens are never renewable: switching to batch clears the box
    // rather than greeting the user with an error for a default.
    if (m_batch->isChecked())
        m_renewable->setChecked(false);
    else if (!m_role || m_role->renewable)
        m_renewable->setChecked(true);
    // Nothing of a batch token is stored, the mark neither.
    if (m_batch->isChecked())
        m_warnBeforeExpiry->setChecked(false);
    m_warnBeforeExpiry->setEnabled(!m_batch->isChecked());
    revalidate();
}

TokenRequest IssueTokenDialog::request() const
{
    TokenRequest request;
    request.displayName = m_displayName->text().trimmed();
    request.policies = m_policies->checked();
    request.noDefaultPolicy = m_noDefaultPolicy->isChecked();
    for (int row = 0; row < m_meta->rowCount(); ++row) {
        const QTableWidgetItem* key = m_meta->item(row, 0);
        const QTableWidgetItem* value = m_meta->item(row, 1);
        request.meta.insert(key ? key->text().trimmed() : QString(),
                            value ? value->text() : QString());
    }
    const Role empty;
    const Role& role = m_role ? *m_role : empty;
    request.role = role.name;
    request.ttl = unlessRoles(m_ttl->value(), role.settings.ttl);
    request.explicitMaxTtl = unlessRoles(m_maxTtl->value(), role.settings.explicitMaxTtl);
    request.period = unlessRoles(m_period->value(), role.settings.period);
    if (m_activateWithin->value() > 0)
        request.activateWithin = m_activateWithin->value();
    const int uses = m_oneUse->isChecked() ? 1 : m_limited->isChecked() ? m_uses->value() : 0;
    request.numUses = int(unlessRoles(uses, role.settings.numUses));
    const TokenType type = m_batch->isChecked() ? TokenType::Batch : TokenType::Service;
    if (m_service->isEnabled() || !m_role)
        request.type = type;
    if (type == TokenType::Service || m_renewable->isChecked())
        request.renewable = m_renewable->isChecked();
    request.orphan = m_orphan->isChecked();
    request.warnBeforeExpiry = m_warnBeforeExpiry->isChecked();
    if (const auto parent = parentToken())
        request.parentAccessor = parent->accessor;
    // Nothing ticked under a root parent would inherit root: the root policy
    // comes only from its own box.
    if (request.policies.isEmpty() && (!m_role || m_role->allowedPolicies.isEmpty()) &&
        boundingPolicies().contains(Policy::rootName()))
        request.policies = {Policy::defaultName()};
    return request;
}

QString IssueTokenDialog::formProblem() const
{
    if (const QString error =
            DurationEdit::firstTextError({m_ttl, m_maxTtl, m_period, m_activateWithin});
        !error.isEmpty())
        return error;
    QStringList keys;
    for (int row = 0; row < m_meta->rowCount(); ++row) {
        const QTableWidgetItem* key = m_meta->item(row, 0);
        const QString name = key ? key->text().trimmed() : QString();
        if (name.isEmpty())
            return tr("Metadata row %1 has no key: enter one or remove the row.").arg(row + 1);
        if (keys.contains(name))
            return tr("The metadata key \u201c%1\u201d appears twice.").arg(name);
        keys << name;
    }
    return {};
}

void IssueTokenDialog::revalidate()
{
    m_problemText = formProblem();
    m_plan.reset();
    m_ttl->setWarning({});
    m_period->setWarning({});
    TokenRequest wanted;
    if (m_problemText.isEmpty()) {
        engine::CreationInput input;
        input.request = wanted = request();
        input.role = m_role;
        input.callerHasSudo = true; // the store owner
        input.boundingPolicies = boundingPolicies();
        input.ownerTopLevel = !parentToken();
        input.now = m_engine.clock().nowSeconds();
        input.config = m_engine.config();
        auto planned = engine::planCreation(input);
        if (planned.ok())
            m_plan = std::move(*planned);
        else
            m_problemText = asSentence(translated(planned.error()));
    }
    if (!m_plan) {
        m_problem->showMessage(InlineMessage::Kind::Error, m_problemText);
        m_summary->clear();
        m_issue->setEnabled(false);
        m_removeMeta->setEnabled(m_meta->rowCount() > 0);
        return;
    }
    m_problem->clear();
    const engine::CreationPlan& plan = *m_plan;
    const QLocale locale;
    QStringList lines;
    lines << tr("A %1 token with the policies %2.")
                 .arg(plan.type == TokenType::Batch ? tr("batch") : tr("service"),
                      plan.policies.isEmpty() ? tr("(none)")
                                              : plan.policies.join(QStringLiteral(", ")));
    if (plan.activateWithin) {
        const QDateTime activateBy =
            QDateTime::fromSecsSinceEpoch(m_engine.clock().nowSeconds() + *plan.activateWithin);
        lines << tr("Valid for %1 from its first use, which must come by %2.")
                     .arg(engine::formatDuration(plan.ttl.ttl),
                          locale.toString(activateBy.toLocalTime(), QLocale::ShortFormat));
    } else if (plan.ttl.expireAt) {
        const QDateTime expiry = QDateTime::fromSecsSinceEpoch(*plan.ttl.expireAt);
        lines << tr("Expires in %1, on %2%3.")
                     .arg(engine::formatDuration(plan.ttl.ttl),
                          locale.toString(expiry.toLocalTime(), QLocale::ShortFormat),
                          plan.ttl.period > 0 ? tr(" unless renewed") : QString());
    } else {
        lines << tr("Never expires.");
    }
    lines << (plan.numUses == 0   ? tr("Unlimited uses.")
              : plan.numUses == 1 ? tr("One use only.")
                                  : tr("%1 uses.").arg(locale.toString(plan.numUses)));
    // As the engine does: a lifetime above the max is capped, with a warning,
    // here also on the field it is about.
    QStringList warnings;
    for (const Message& warning : std::as_const(plan.ttl.warnings))
        warnings << asSentence(translated(warning));
    const QString allWarnings = warnings.join(u'\n');
    if (plan.ttl.period == 0 && wanted.ttl > 0 && plan.ttl.ttl < wanted.ttl)
        m_ttl->setWarning(allWarnings);
    if (plan.ttl.period > 0 && wanted.period > 0 && plan.ttl.ttl < wanted.period)
        m_period->setWarning(allWarnings);
    lines << warnings;
    m_summary->showMessage(warnings.isEmpty() ? InlineMessage::Kind::Info
                                              : InlineMessage::Kind::Warning,
                           lines.join(u'\n'));
    m_issue->setEnabled(true);
    m_removeMeta->setEnabled(m_meta->rowCount() > 0);
}

void IssueTokenDialog::submit()
{
    revalidate();
    if (!m_plan)
        return;
    if (m_plan->policies.contains(Policy::rootName()))
        confirmRoot();
    else
        issue();
}

void IssueTokenDialog::confirmRoot()
{
    // Asked every time, and Enter alone answers no: a root token is the one
    // mistake the tree cannot show until it is too late.
    if (!m_confirmRoot)
        m_confirmRoot =
            DialogParts::confirmation(this, tr("Issue a Root Token?"), tr("Issue &Root Token"),
                                      {"confirmRoot", "issueRoot"}, [this] { issue(); });
    m_confirmRoot->setText(
        m_plan->ttl.expireAt
            ? tr("The new token carries the root policy: whoever holds it can do anything in this "
                 "store. It expires in %1.")
                  .arg(engine::formatDuration(m_plan->ttl.ttl))
            : tr("The new token carries the root policy: whoever holds it can do anything in this "
                 "store. It never expires."));
    m_confirmRoot->open();
}

void IssueTokenDialog::issue()
{
    revalidate();
    if (!m_plan)
        return;
    auto created = m_engine.tokens().createToken(Session::caller(), request());
    if (!created.ok()) {
        m_problemText = tr("The token was not issued: %1").arg(translated(created.error()));
        m_problem->showMessage(InlineMessage::Kind::Error, m_problemText);
        return;
    }
    m_created = std::move(*created);
    accept();
}

void IssueTokenDialog::addMetadataRow()
{
    const int row = m_meta->rowCount();
    m_meta->insertRow(row);
    m_meta->setItem(row, 0, new QTableWidgetItem);
    m_meta->setItem(row, 1, new QTableWidgetItem);
    m_meta->setCurrentCell(row, 0);
    m_meta->setFocus();
    m_meta->editItem(m_meta->item(row, 0));
    revalidate();
}

void IssueTokenDialog::removeMetadataRows()
{
    QList<int> rows;
    for (const QModelIndex& index : m_meta->selectionModel()->selectedRows())
        rows << index.row();
    if (rows.isEmpty() && m_meta->currentRow() >= 0)
        rows << m_meta->currentRow();
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : rows)
        m_meta->removeRow(row);
    revalidate();
}

} // namespace tessera::ui
