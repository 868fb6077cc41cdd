#include "CommandLine.h"
#include "Commands.h"
#include "OptionValues.h"
#include "Output.h"
#include "StoreSession.h"
#include "SubcommandParser.h"
#include "engine/PassBatchService.h"
#include "engine/TokenEngine.h"
#include "reports/PassBatchCsv.h"
#include "reports/PassSheet.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>
#include <memory>

namespace tessera::cli {
namespace {

// Opened before the store is touched: a path that cannot be written refuses
// the batch before any pass exists. Replaced only once complete.
Result<std::unique_ptr<QSaveFile>> openOutput(const QString& path)
{
    auto file = std::make_unique<QSaveFile>(path);
    if (!file->open(QIODevice::WriteOnly))
        return Error{ErrorCode::Io,
                     QStringLiteral("Cannot write %1: %2.").arg(path, file->errorString())};
    return file;
}

Status commitOutput(QSaveFile& file)
{
    if (!file.commit())
        return Error{
            ErrorCode::Io,
            QStringLiteral("Cannot write %1: %2.").arg(file.fileName(), file.errorString())};
    return {};
}

Result<int> issueBatch(const QStringList& arguments)
{
    SubcommandParser parser(
        QStringLiteral("token batch"),
        QStringLiteral("Issue 1 to 1000 passes of a role in one transaction, under a new "
                       "\"Class visit <date>\" parent (or --parent), and print them: a sheet "
                       "of cards, or 80 mm receipts with --receipt; optionally a CSV."));
    parser.addStoreOptions();
    parser.addJsonOption();
    parser.addOption({QStringLiteral("role"), QStringLiteral("Issue the passes from this role."),
                      QStringLiteral("ROLE")});
    parser.addOption({QStringLiteral("count"), QStringLiteral("How many passes (1 to 1000)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("sheet"), QStringLiteral("Write the printable PDF to FILE."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("receipt"),
                      QStringLiteral("Lay the PDF out for 80 mm receipt printers, one pass "
                                     "per page.")});
    parser.addOption({QStringLiteral("paper"), QStringLiteral("a4 (default) or letter."),
                      QStringLiteral("PAPER"), QStringLiteral("a4")});
    parser.addOption({QStringLiteral("csv"),
                      QStringLiteral("Also write the passes as CSV to FILE (it holds the tokens)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("parent"),
                      QStringLiteral("Put the passes under this existing token (accessor) "
                                     "instead of a new parent."),
                      QStringLiteral("ACCESSOR")});
    parser.addOption({QStringLiteral("name"),
                      QStringLiteral("The group's name (default \"Class visit <date>\")."),
                      QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("library"),
                      QStringLiteral("The library's name printed on each pass."),
                      QStringLiteral("TEXT"), QStringLiteral("Library")});
    parser.addOption(activateWithinOption());
    if (auto exit = parser.parse(arguments, 0, 0))
        return *exit;

    // Every flag is checked and every file opened before the store is: a bad
    // flag changes nothing.
    const QCommandLineParser& qt = parser.qt();
    engine::PassBatchRequest request;
    request.role = qt.value(QStringLiteral("role")).trimmed();
    request.parentAccessor = qt.value(QStringLiteral("parent")).trimmed();
    request.groupName = qt.value(QStringLiteral("name"));
    if (request.role.isEmpty())
        return Error::invalid(QStringLiteral("--role is required."));
    if (!qt.isSet(QStringLiteral("count")))
        return Error::invalid(QStringLiteral("--count is required (1 to 1000)."));
    TESSERA_TRY(assign(request.count, countOption(qt, QStringLiteral("count"))));
    TESSERA_TRY(engine::PassBatchService::checkCount(request.count));
    TESSERA_TRY(assign(request.activateWithin,
                       optionalDurationOption(qt, QStringLiteral("activate-within"))));
    const QString sheetPath = qt.value(QStringLiteral("sheet"));
    if (sheetPath.isEmpty())
        return Error::invalid(QStringLiteral("--sheet FILE is required: where the PDF goes."));
    auto paper = reports::PassSheet::paperFromName(qt.value(QStringLiteral("paper")));
    if (!paper || *paper == reports::PassPaper::Receipt)
        return Error::invalid(QStringLiteral("--paper takes a4 or letter, not \"%1\".")
                                  .arg(qt.value(QStringLiteral("paper"))));
    if (qt.isSet(QStringLiteral("receipt"))) {
        if (qt.isSet(QStringLiteral("paper")))
            return Error::invalid(QStringLiteral("--receipt and --paper contradict each other."));
        paper = reports::PassPaper::Receipt;
    }
    const QString csvPath = qt.value(QStringLiteral("csv"));
    auto sheetFile = openOutput(sheetPath);
    TESSERA_TRY(sheetFile);
    std::unique_ptr<QSaveFile> csvFile;
    if (!csvPath.isEmpty()) {
        auto opened = openOutput(csvPath);
        TESSERA_TRY(opened);
        csvFile = std::move(*opened);
    }

    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    engine::TokenEngine& engine = (*session)->engine();
    auto batch = engine.passBatches().issue(StoreSession::caller(), request);
    TESSERA_TRY(batch);

    const reports::PassSheet sheet =
        reports::PassSheet::forBatch(*batch, qt.value(QStringLiteral("library")), *paper);
    auto pages = sheet.writePdf(**sheetFile, batch->groupName);
    TESSERA_TRY(pages);
    TESSERA_TRY(commitOutput(**sheetFile));
    if (csvFile) {
        csvFile->write(reports::PassBatchCsv::write(*batch));
        TESSERA_TRY(commitOutput(*csvFile));
    }

    const Output output(parser.json());
    QJsonArray accessors;
    for (const engine::CreatedToken& pass : std::as_const(batch->passes))
        accessors.append(pass.info.accessor);
    output.document(QJsonObject{
        {QStringLiteral("group"), batch->groupName},
        {QStringLiteral("parent_accessor"), batch->parentAccessor},
        {QStringLiteral("new_parent"), batch->parent.has_value()},
        {QStringLiteral("count"), int(batch->passes.size())},
        {QStringLiteral("passes_with_codes"),
         int(batch->codes.size() - batch->codes.count(QString()))},
        {QStringLiteral("accessors"), accessors},
        {QStringLiteral("sheet"), sheetPath},
        {QStringLiteral("pages"), *pages},
        {QStringLiteral("csv"), csvPath},
    });
    output.line(batch->parentAccessor.isEmpty()
                    ? QStringLiteral("Issued %1 passes of role %2 as orphans (\"%3\").")
                          .arg(batch->passes.size())
                          .arg(request.role, batch->groupName)
                    : QStringLiteral("Issued %1 passes of role %2 under \"%3\" (parent "
                                     "accessor %4): revoke the parent to revoke them all.")
                          .arg(batch->passes.size())
                          .arg(request.role, batch->groupName, batch->parentAccessor));
    output.line(QStringLiteral("Wrote a %1-page PDF to %2; under each QR code is the pass's code "
                               "to type at the gate's sign-in page.")
                    .arg(*pages)
                    .arg(sheetPath));
    if (csvFile)
        output.line(QStringLiteral("Wrote the CSV to %1; it holds the tokens and their codes.")
                        .arg(csvPath));
    return 0;
}

} // namespace

void addTokenBatchCommand(CommandLine& commandLine)
{
    commandLine.add({QStringLiteral("token"), QStringLiteral("batch"),
                     QStringLiteral("Issue a batch of passes with a printable sheet."),
                     issueBatch});
}

} // namespace tessera::cli
