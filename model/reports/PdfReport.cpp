#include "PdfReport.h"

#include "reports/ActivityChart.h"
#include "reports/PageFlow.h"
#include "reports/ReportData.h"
#include "reports/ReportStyle.h"
#include "reports/ReportTable.h"

#include <QDateTime>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

namespace tessera::reports {
namespace {

using style::mm;
using style::pt;

const QRectF kPage(0, 0, mm(210), mm(297));
const qreal kMargin = mm(18);
const qreal kHeaderHeight = mm(10);
const qreal kFooterHeight = mm(13);

QRectF contentRect()
{
    return kPage.adjusted(kMargin, kMargin + kHeaderHeight, -kMargin, -(kMargin + kFooterHeight));
}

QString number(qint64 value)
{
    return QLocale().toString(value);
}

QString utcText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString shortAccessor(const QString& accessor)
{
    return accessor.size() > 8 ? accessor.left(8) + QChar(0x2026) : accessor;
}

QString valueText(const QJsonValue& value)
{
    if (value.isArray()) {
        QStringList items;
        const QJsonArray array = value.toArray();
        for (const QJsonValue& item : array)
            items << valueText(item);
        return items.join(QLatin1Char(','));
    }
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    return value.isString() ? value.toString() : value.toVariant().toString();
}

// "key=value" pairs of a record's details for the detailed table, where the
// full JSON would not fit (the CSV has it): what tells most first, metadata
// flattened, accessors (parent) last.
QString detailsText(const QJsonObject& details)
{
    static const QStringList first{
        QStringLiteral("role"),     QStringLiteral("display_name"), QStringLiteral("policies"),
        QStringLiteral("ttl"),      QStringLiteral("revoked"),      QStringLiteral("orphaned"),
        QStringLiteral("username"), QStringLiteral("reason"),       QStringLiteral("error"),
    };
    QStringList keys = details.keys();
    std::stable_sort(keys.begin(), keys.end(), [](const QString& a, const QString& b) {
        const auto rank = [](const QString& key) {
            const qsizetype index = first.indexOf(key);
            if (index >= 0)
                return index;
            return key == QLatin1String("parent") ? first.size() + 1 : first.size();
        };
        return rank(a) < rank(b);
    });
    QStringList parts;
    for (const QString& key : std::as_const(keys)) {
        const QJsonValue value = details.value(key);
        if (key == QLatin1String("meta") && value.isObject()) {
            const QJsonObject meta = value.toObject();
            for (auto it = meta.begin(); it != meta.end(); ++it)
                parts << it.key() + u'=' + valueText(it.value());
        } else {
            parts << key + u'=' + valueText(value);
        }
    }
    return parts.join(QStringLiteral("  "));
}

QStringList countsRow(const QString& name, const ActivityCounts& counts,
                      const std::optional<qint64>& active)
{
    return {name,
            number(counts.issued),
            number(counts.renewed),
            number(counts.revoked),
            number(counts.expired),
            number(counts.logins),
            number(counts.failedLogins),
            active ? number(*active) : QStringLiteral("–")};
}

} // namespace

PdfReport::PdfReport(const ReportData& data, QString storePath)
    : m_data(data)
    , m_storePath(std::move(storePath))
{}

QString PdfReport::periodText() const
{
    const ReportQuery& query = m_data.query();
    return tr("%1 to %2 (UTC)")
        .arg(query.from.toString(Qt::ISODate), query.to.toString(Qt::ISODate));
}

QStringList PdfReport::filterLines() const
{
    const ReportQuery& query = m_data.query();
    QStringList lines;
    lines << tr("Operation: %1").arg(query.operation.isEmpty() ? tr("all") : query.operation);
    lines << tr("Subtree: %1").arg(query.subtree.isEmpty() ? tr("all tokens") : query.subtree);
    lines << tr("Metadata: %1")
                 .arg(query.metaKey.isEmpty() ? tr("any") : query.metaKey + u'=' + query.metaValue);
    return lines;
}

QString PdfReport::chainLine() const
{
    const ChainStatus& chain = m_data.chain();
    if (chain.intact)
        return tr("Audit chain verified intact: records 1 to %1.").arg(number(chain.lastSequence));
    return tr("AUDIT CHAIN NOT INTACT: %1 (records 1 to %2 verified).")
        .arg(chain.problem, number(chain.lastSequence));
}

Result<int> PdfReport::write(QIODevice& device, const ReportProgress& progress) const
{
    QPdfWriter writer(&device);
    writer.setResolution(style::kDpi);
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    writer.setTitle(tr("Audit report: %1").arg(QFileInfo(m_storePath).fileName()));
    writer.setCreator(QStringLiteral("Tessera"));

    PageFlow dryRun(writer, nullptr, contentRect(), {});
    TESSERA_TRY(layout(dryRun, {}));
    const int pages = dryRun.page();

    QPainter painter;
    if (!painter.begin(&writer))
        return Error{ErrorCode::Io, tr("Cannot start the PDF.")};
    PageFlow flow(writer, &painter, contentRect(),
                  [this, pages](QPainter& p, int page) { decorate(p, page, pages); });
    const Status drawn = layout(flow, progress);
    painter.end();
    TESSERA_TRY(drawn);
    return pages;
}

Status PdfReport::layout(PageFlow& flow, const ReportProgress& progress) const
{
    flow.begin();
    titlePage(flow);
    flow.newPage();
    charts(flow);
    TESSERA_TRY(summaryTables(flow));
    flow.newPage();
    return recordsTable(flow, progress);
}

void PdfReport::decorate(QPainter& painter, int page, int pages) const
{
    painter.save();
    const QRectF content = contentRect();
    const QFont small = style::font(7);
    painter.setFont(small);
    const QFontMetricsF metrics(small, painter.device());
    if (page > 1) {
        const QRectF header(content.left(), kMargin, content.width(), kHeaderHeight - mm(3));
        painter.setPen(style::kMuted);
        painter.drawText(
            header, Qt::AlignLeft | Qt::AlignVCenter,
            tr("Tessera audit report \u2014 %1").arg(QFileInfo(m_storePath).fileName()));
        painter.drawText(header, Qt::AlignRight | Qt::AlignVCenter, periodText());
        painter.setPen(QPen(style::kRule, pt(0.5)));
        painter.drawLine(header.bottomLeft(), header.bottomRight());
    }

    const qreal top = kPage.bottom() - kMargin - kFooterHeight + mm(4);
    painter.setPen(QPen(style::kRule, pt(0.5)));
    painter.drawLine(QPointF(content.left(), top), QPointF(content.right(), top));
    const QRectF first(content.left(), top + mm(1), content.width(), metrics.height());
    painter.setPen(m_data.chain().intact ? style::kGood : style::kBad);
    painter.drawText(first, Qt::AlignLeft | Qt::AlignVCenter, chainLine());
    painter.setPen(style::kInk);
    painter.drawText(first, Qt::AlignRight | Qt::AlignVCenter,
                     tr("Page %1 of %2").arg(page).arg(pages));
    const QRectF second = first.translated(0, metrics.height() * 1.2);
    painter.setPen(style::kMuted);
    const QString macLabel =
        tr("MAC of record %1 (HMAC-SHA256): ").arg(number(m_data.chain().lastSequence));
    painter.drawText(second, Qt::AlignLeft | Qt::AlignVCenter, macLabel);
    painter.setFont(style::monoFont(7));
    painter.setPen(style::kInk);
    painter.drawText(second.adjusted(metrics.horizontalAdvance(macLabel), 0, 0, 0),
                     Qt::AlignLeft | Qt::AlignVCenter, m_data.chain().lastMacHex());
    painter.restore();
}

void PdfReport::titlePage(PageFlow& flow) const
{
    QPainter* painter = flow.painter();
    if (!painter)
        return;
    const QRectF content = flow.content();
    // A brand band across the top of the page.
    const QRectF band(0, 0, kPage.width(), mm(62));
    painter->fillRect(band, style::kBrand);
    painter->setPen(QColor(255, 255, 255, 190));
    QFont label = style::font(10, QFont::DemiBold);
    label.setLetterSpacing(QFont::AbsoluteSpacing, pt(2.5));
    painter->setFont(label);
    painter->drawText(QRectF(kMargin, mm(16), content.width(), mm(8)),
                      Qt::AlignLeft | Qt::AlignVCenter, tr("TESSERA"));
    painter->setPen(Qt::white);
    painter->setFont(style::font(28, QFont::DemiBold));
    painter->drawText(QRectF(kMargin, mm(25), content.width(), mm(16)),
                      Qt::AlignLeft | Qt::AlignVCenter, tr("Audit report"));
    painter->setFont(style::font(12));
    painter->setPen(QColor(255, 255, 255, 220));
    painter->drawText(QRectF(kMargin, mm(42), content.width(), mm(9)),
                      Qt::AlignLeft | Qt::AlignVCenter, periodText());

    // Store, period, filters, generation: label and value lines.
    qreal y = mm(76);
    const QFont labelFont = style::font(9);
    const QFont valueFont = style::font(10);
    const QFontMetricsF valueMetrics(valueFont, painter->device());
    const qreal labelWidth = mm(38);
    const auto line = [&](const QString& name, const QString& value) {
        painter->setFont(labelFont);
        painter->setPen(style::kMuted);
        painter->drawText(QRectF(kMargin, y, labelWidth, valueMetrics.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, name);
        painter->setFont(valueFont);
        painter->setPen(style::kInk);
        const QRectF valueRect(kMargin + labelWidth, y, content.width() - labelWidth,
                               valueMetrics.height() * 3);
        const QRectF used = painter->boundingRect(valueRect, Qt::TextWrapAnywhere, value);
        painter->drawText(valueRect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWrapAnywhere, value);
        y += std::max(used.height(), valueMetrics.height()) + mm(2.2);
    };
    line(tr("Store"), m_storePath);
    line(tr("Period"), periodText());
    const QStringList filters = filterLines();
    line(tr("Filters"), filters.join(QStringLiteral("\n")));
    QString recordsText =
        tr("%Ln audit record(s) in this report", nullptr, int(m_data.records().size()));
    const auto redacted =
        std::count_if(m_data.records().cbegin(), m_data.records().cend(),
                      [](const audit::AuditRecord& record) { return record.redactedAtMs > 0; });
    if (redacted > 0)
        recordsText += u'\n' + tr("%Ln of them without personal details (removed after the "
                                  "retention period)",
                                  nullptr, int(redacted));
    line(tr("Records"), recordsText);
    line(tr("Generated"), tr("%1 UTC").arg(utcText(m_data.generatedMs())));

    // The figures at a glance.
    y += mm(6);
    const ActivityCounts totals = m_data.totals();
    const QList<std::tuple<QString, qint64, QColor>> figures{
        {tr("Issued"), totals.issued, style::kIssued},
        {tr("Renewed"), totals.renewed, style::kRenewed},
        {tr("Revoked"), totals.revoked, style::kRevoked},
        {tr("Expired"), totals.expired, style::kExpired},
        {tr("Logins"), totals.logins, style::kLogins},
        {tr("Failed logins"), totals.failedLogins, style::kFailedLogins},
        {tr("Active at end"), m_data.activeAtEnd(), style::kBrand},
    };
    const qreal gap = mm(2.5);
    const qreal boxWidth =
        (content.width() - gap * qreal(figures.size() - 1)) / qreal(figures.size());
    const qreal boxHeight = mm(24);
    qreal x = kMargin;
    for (const auto& [name, value, colour] : figures) {
        const QRectF box(x, y, boxWidth, boxHeight);
        painter->fillRect(box, style::kZebra);
        painter->fillRect(QRectF(box.left(), box.top(), box.width(), mm(1.2)), colour);
        painter->setPen(style::kInk);
        painter->setFont(style::font(15, QFont::DemiBold));
        painter->drawText(box.adjusted(0, mm(3), 0, -mm(9)), Qt::AlignCenter, number(value));
        painter->setPen(style::kMuted);
        painter->setFont(style::font(7.5));
        painter->drawText(box.adjusted(mm(1), boxHeight - mm(10), -mm(1), -mm(2)),
                          Qt::AlignCenter | Qt::TextWordWrap, name);
        x += boxWidth + gap;
    }
    y += boxHeight + mm(10);

    // The verification result, in a box of its own colour.
    const ChainStatus& chain = m_data.chain();
    const QColor tone = chain.intact ? style::kGood : style::kBad;
    const QRectF box(kMargin, y, content.width(), mm(30));
    painter->setPen(QPen(tone, pt(1.2)));
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(box);
    painter->fillRect(QRectF(box.left(), box.top(), mm(2), box.height()), tone);
    painter->setPen(tone);
    painter->setFont(style::font(11, QFont::DemiBold));
    painter->drawText(box.adjusted(mm(6), mm(3), -mm(4), -mm(20)), Qt::AlignLeft | Qt::AlignVCenter,
                      chain.intact ? tr("Audit chain verified: intact")
                                   : tr("Audit chain verification FAILED"));
    painter->setPen(style::kInk);
    painter->setFont(style::font(8.5));
    painter->drawText(box.adjusted(mm(6), mm(11), -mm(4), -mm(12)),
                      Qt::AlignLeft | Qt::AlignVCenter, chainLine());
    painter->setFont(style::monoFont(8));
    painter->drawText(
        box.adjusted(mm(6), mm(18), -mm(4), -mm(4)), Qt::AlignLeft | Qt::AlignVCenter,
        tr("Last record %1, MAC %2").arg(number(chain.lastSequence), chain.lastMacHex()));

    // How to check a printed copy.
    y += box.height() + mm(8);
    painter->setPen(style::kMuted);
    painter->setFont(style::font(8.5));
    painter->drawText(
        QRectF(kMargin, y, content.width(), mm(30)),
        Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
        tr("Every audit record carries the HMAC of the record before it, so a changed, deleted "
           "or reordered record breaks the chain. Each page of this report shows the verification "
           "result and the MAC of the last verified record: run \"tessera-cli audit verify\" and "
           "\"tessera-cli audit export\" on the store to match a printed copy to it. Tokens "
           "appear by accessor only; secrets appear only as HMAC tags."));
}

void PdfReport::heading(PageFlow& flow, const QString& text, const QString& note) const
{
    const QFont font = style::font(12, QFont::DemiBold);
    const QFont noteFont = style::font(8);
    const QFontMetricsF metrics(font, &flow.device());
    const QFontMetricsF noteMetrics(noteFont, &flow.device());
    const qreal height =
        metrics.height() + mm(2) + (note.isEmpty() ? 0 : noteMetrics.height() * 1.3);
    // A heading never ends a page: keep room for a few rows below it.
    flow.ensure(height + mm(25));
    if (!flow.atTop())
        flow.advance(mm(5));
    if (QPainter* painter = flow.painter()) {
        painter->setFont(font);
        painter->setPen(style::kBrand);
        painter->drawText(QRectF(flow.left(), flow.y(), flow.width(), metrics.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, text);
        if (!note.isEmpty()) {
            painter->setFont(noteFont);
            painter->setPen(style::kMuted);
            painter->drawText(QRectF(flow.left(), flow.y() + metrics.height(), flow.width(),
                                     noteMetrics.height() * 1.3),
                              Qt::AlignLeft | Qt::AlignVCenter, note);
        }
    }
    flow.advance(height);
}

void PdfReport::charts(PageFlow& flow) const
{
    QStringList days;
    QList<std::optional<qreal>> issued, renewed, revoked, expired, logins, failed, active;
    const QLocale locale;
    for (const DayActivity& day : m_data.days()) {
        days << locale.toString(day.day, QStringLiteral("d MMM"));
        issued << qreal(day.counts.issued);
        renewed << qreal(day.counts.renewed);
        revoked << qreal(day.counts.revoked);
        expired << qreal(day.counts.expired);
        logins << qreal(day.counts.logins);
        failed << qreal(day.counts.failedLogins);
        active << (day.active ? std::optional<qreal>(qreal(*day.active)) : std::nullopt);
    }
    const QFont font = style::font(7);

    heading(
        flow, tr("Activity per day"),
        tr("Tokens issued, renewed, revoked and expired, logins and failed logins (UTC days)."));
    const qreal barHeight = mm(78);
    if (QPainter* painter = flow.painter()) {
        drawStackedBars(*painter, QRectF(flow.left(), flow.y(), flow.width(), barHeight), days,
                        {{tr("Issued"), style::kIssued, issued},
                         {tr("Renewed"), style::kRenewed, renewed},
                         {tr("Revoked"), style::kRevoked, revoked},
                         {tr("Expired"), style::kExpired, expired},
                         {tr("Logins"), style::kLogins, logins},
                         {tr("Failed logins"), style::kFailedLogins, failed}},
                        font);
    }
    flow.advance(barHeight);

    heading(flow, tr("Active tokens over time"),
            tr("Service tokens active at the end of each day (batch tokens are not stored)."));
    const qreal lineHeight = mm(62);
    if (QPainter* painter = flow.painter()) {
        drawTrendLine(*painter, QRectF(flow.left(), flow.y(), flow.width(), lineHeight), days,
                      {tr("Active service tokens"), style::kBrand, active}, font);
    }
    flow.advance(lineHeight);
}

Status PdfReport::summaryTables(PageFlow& flow) const
{
    const QFont font = style::font(7.5);
    const QList<TableColumn> countColumns{
        {QString(), 2.2, Qt::AlignLeft},
        {tr("Issued"), 1, Qt::AlignRight},
        {tr("Renewed"), 1, Qt::AlignRight},
        {tr("Revoked"), 1, Qt::AlignRight},
        {tr("Expired"), 1, Qt::AlignRight},
        {tr("Logins"), 1, Qt::AlignRight},
        {tr("Failed logins"), 1.2, Qt::AlignRight},
        {tr("Active at end"), 1.2, Qt::AlignRight},
    };
    const auto columnsNamed = [&countColumns](const QString& first) {
        QList<TableColumn> columns = countColumns;
        columns.first().title = first;
        return columns;
    };

    // A quiet day adds a row of zeros: only the days with activity are listed.
    QList<DayActivity> days;
    for (const DayActivity& day : m_data.days())
        if (day.counts.total() > 0)
            days.append(day);
    if (days.isEmpty()) {
        heading(flow, tr("Daily figures"), tr("No activity in this period."));
    } else {
        heading(flow, tr("Daily figures"),
                tr("Counts in tokens (a revoked subtree counts each token); \"Issued\" excludes "
                   "tokens issued by logins. Days without activity are left out."));
        ReportTable perDay(columnsNamed(tr("Day (UTC)")), font);
        perDay.setTotalsRow(true);
        TESSERA_TRY(perDay.draw(flow, days.size() + 1, [&](qsizetype row) {
            if (row == days.size())
                return countsRow(tr("Total"), m_data.totals(), m_data.activeAtEnd());
            const DayActivity& day = days[row];
            return countsRow(day.day.toString(Qt::ISODate), day.counts, day.active);
        }));
    }

    const auto groupTable = [&](const QString& title, const QString& note, const QString& first,
                                const QList<GroupActivity>& groups) -> Status {
        heading(flow, title, note);
        ReportTable table(columnsNamed(first), font);
        return table.draw(flow, groups.size(), [&](qsizetype row) {
            return countsRow(groups[row].name, groups[row].counts, groups[row].activeAtEnd);
        });
    };
    TESSERA_TRY(groupTable(tr("Activity by role"),
                           tr("Tokens by the role they were issued from; \"Active at end\" at "
                              "%1 UTC.")
                               .arg(utcText(m_data.endMs())),
                           tr("Role"), m_data.roles()));
    TESSERA_TRY(groupTable(tr("Activity by policy"),
                           tr("A token with several policies counts once for each of them."),
                           tr("Policy"), m_data.policies()));

    heading(flow, tr("Top subtrees by activity"),
            tr("Branches below a root token (desks, services) and top-level tokens, by the "
               "records that touch them."));
    const QList<SubtreeActivity> subtrees = m_data.topSubtrees(10);
    ReportTable branches({{tr("Branch"), 2.4, Qt::AlignLeft},
                          {tr("Accessor"), 2.4, Qt::AlignLeft},
                          {tr("Role"), 1.6, Qt::AlignLeft},
                          {tr("Records"), 1, Qt::AlignRight},
                          {tr("Issued"), 1, Qt::AlignRight}},
                         font);
    TESSERA_TRY(branches.draw(flow, subtrees.size(), [&](qsizetype row) {
        const SubtreeActivity& subtree = subtrees[row];
        return QStringList{subtree.displayName.isEmpty() ? tr("(unnamed)") : subtree.displayName,
                           subtree.accessor, subtree.role, number(subtree.records),
                           number(subtree.issued)};
    }));

    heading(flow, tr("Records by operation"));
    const QList<OperationCount> operations = m_data.operations();
    ReportTable byOperation({{tr("Operation"), 3, Qt::AlignLeft},
                             {tr("OK"), 1, Qt::AlignRight},
                             {tr("Denied"), 1, Qt::AlignRight},
                             {tr("Errors"), 1, Qt::AlignRight},
                             {tr("Total"), 1, Qt::AlignRight}},
                            font);
    return byOperation.draw(flow, operations.size(), [&](qsizetype row) {
        const OperationCount& count = operations[row];
        return QStringList{count.operation, number(count.ok), number(count.denied),
                           number(count.other), number(count.ok + count.denied + count.other)};
    });
}

Status PdfReport::recordsTable(PageFlow& flow, const ReportProgress& progress) const
{
    const QList<audit::AuditRecord>& records = m_data.records();
    heading(flow, tr("Audit records"),
            tr("%Ln record(s), oldest first. Accessors are shortened; the CSV and JSON Lines "
               "exports carry every field in full.",
               nullptr, int(records.size())));
    ReportTable table({{tr("#"), 0.8, Qt::AlignRight},
                       {tr("Time (UTC)"), 2.0, Qt::AlignLeft},
                       {tr("Operation"), 2.1, Qt::AlignLeft},
                       {tr("Outcome"), 0.8, Qt::AlignLeft},
                       {tr("Actor"), 1.3, Qt::AlignLeft},
                       {tr("Targets"), 1.6, Qt::AlignLeft},
                       {tr("Client"), 0.9, Qt::AlignLeft},
                       {tr("Details"), 3.4, Qt::AlignLeft}},
                      style::font(6.5));
    const qsizetype count = records.size();
    return table.draw(
        flow, count,
        [&records](qsizetype row) {
            const audit::AuditRecord& record = records[row];
            QString targets =
                record.targets.isEmpty() ? QString() : shortAccessor(record.targets.first());
            if (record.targets.size() > 1)
                targets += QStringLiteral(" +%1").arg(record.targets.size() - 1);
            return QStringList{QString::number(record.sequence),
                               utcText(record.timeMs),
                               record.operation,
                               record.outcome,
                               shortAccessor(record.actor),
                               targets,
                               record.client,
                               record.redactedAtMs > 0
                                   ? PdfReport::tr("[personal details removed]") +
                                         QStringLiteral("  ") + detailsText(record.details)
                                   : detailsText(record.details)};
        },
        [&progress, count](qsizetype done) { return progress.step(done, count); });
}

} // namespace tessera::reports
