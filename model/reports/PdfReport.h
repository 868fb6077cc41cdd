#pragma once

#include "core/Result.h"
#include "reports/ReportProgress.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QIODevice;
class QPainter;

namespace tessera::reports {

class PageFlow;
class ReportData;

// The PDF report an administrator hands to a library director or an auditor
// (A4 portrait): a title page with the store, period, filters and the figures
// at a glance; charts of activity per day and of active tokens over time;
// summary tables per day, role, policy, branch and operation; then every
// record. Each page's footer carries the audit chain's verification result and
// the MAC of the last verified record, so a printed copy can be matched to
// the store, and "Page n of N".
//
// Strings go through tr() (context "tessera::reports::PdfReport"), numbers and
// month names through the default QLocale: the console's language applies.
// Needs a QGuiApplication (fonts); runs on any thread.
class PdfReport
{
    Q_DECLARE_TR_FUNCTIONS(tessera::reports::PdfReport)

public:
    PdfReport(const ReportData& data, QString storePath);

    // Lays the report out once without drawing to count the pages, then draws
    // it. Returns the number of pages.
    Result<int> write(QIODevice& device, const ReportProgress& progress) const;

private:
    Status layout(PageFlow& flow, const ReportProgress& progress) const;
    void decorate(QPainter& painter, int page, int pages) const;
    void titlePage(PageFlow& flow) const;
    void charts(PageFlow& flow) const;
    Status summaryTables(PageFlow& flow) const;
    Status recordsTable(PageFlow& flow, const ReportProgress& progress) const;
    void heading(PageFlow& flow, const QString& text, const QString& note = {}) const;

    QString periodText() const;
    QStringList filterLines() const;
    QString chainLine() const;

    const ReportData& m_data;
    QString m_storePath;
};

} // namespace tessera::reports
