#include "ReportQuery.h"

#include "engine/TokenFormat.h"

#include <QRegularExpression>
#include <QTime>
#include <QTimeZone>

namespace tessera::reports {
namespace {

qint64 midnightMs(const QDate& day)
{
    return QDateTime(day, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
}

} // namespace

ReportQuery ReportQuery::wholeLog()
{
    ReportQuery query;
    query.from = QDate(1970, 1, 1);
    query.to = QDate(9999, 12, 31);
    return query;
}

qint64 ReportQuery::fromMs() const
{
    return midnightMs(from);
}

qint64 ReportQuery::toMs() const
{
    return midnightMs(to.addDays(1));
}

bool ReportQuery::matchesOperation(const QString& name) const
{
    if (operation.isEmpty())
        return true;
    if (operation.endsWith(QLatin1Char('*')))
        return name.startsWith(QStringView(operation).chopped(1));
    return name == operation;
}

Status ReportQuery::validate() const
{
    if (!from.isValid() || !to.isValid())
        return Error::invalid(QStringLiteral("A report needs a start and an end date."));
    if (to < from)
        return Error::invalid(QStringLiteral("The end date %1 is before the start date %2.")
                                  .arg(to.toString(Qt::ISODate), from.toString(Qt::ISODate)));
    static const QRegularExpression operationName(
        QStringLiteral("^[a-z][a-z0-9-]*(\\.[a-z0-9-]+)*(\\.\\*)?$"));
    if (!operation.isEmpty() && !operationName.match(operation).hasMatch())
        return Error::invalid(QStringLiteral("\"%1\" is not an operation name such as "
                                             "token.create or token.*.")
                                  .arg(operation));
    static const QRegularExpression accessor(
        QStringLiteral("^[0-9A-Za-z]{%1}$").arg(engine::TokenFormat::kAccessorLength));
    if (!subtree.isEmpty() && !accessor.match(subtree).hasMatch())
        return Error::invalid(QStringLiteral("\"%1\" is not a token accessor (%2 letters and "
                                             "digits).")
                                  .arg(subtree)
                                  .arg(engine::TokenFormat::kAccessorLength));
    if (metaKey.isEmpty() && !metaValue.isEmpty())
        return Error::invalid(QStringLiteral("A metadata filter needs a key."));
    return {};
}

QJsonObject ReportQuery::toJson() const
{
    QJsonObject object{{QStringLiteral("from"), from.toString(Qt::ISODate)},
                       {QStringLiteral("to"), to.toString(Qt::ISODate)}};
    if (!operation.isEmpty())
        object.insert(QStringLiteral("operation"), operation);
    if (!subtree.isEmpty())
        object.insert(QStringLiteral("subtree"), subtree);
    if (!metaKey.isEmpty())
        object.insert(QStringLiteral("meta"), metaKey + u'=' + metaValue);
    return object;
}

Result<QDate> ReportQuery::parseDate(const QString& text)
{
    static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const QString trimmed = text.trimmed();
    const QDate date = QDate::fromString(trimmed, Qt::ISODate);
    if (!shape.match(trimmed).hasMatch() || !date.isValid())
        return Error::invalid(
            QStringLiteral("\"%1\" is not a date; write it as YYYY-MM-DD, e.g. 2026-11-22.")
                .arg(text));
    return date;
}

Result<std::pair<QString, QString>> ReportQuery::parseMeta(const QString& text)
{
    const qsizetype equals = text.indexOf(QLatin1Char('='));
    if (equals <= 0)
        return Error::invalid(
            QStringLiteral("\"%1\" is not a metadata filter; write it as key=value.").arg(text));
    return std::pair{text.left(equals), text.mid(equals + 1)};
}

} // namespace tessera::reports
