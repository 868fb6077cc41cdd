// tessera-tree-bench: the console's token tree on a big store, as a user meets
// it: unlock to first paint, expanding a node of 100k children, scrolling
// through them, searching for a patron id, and the memory it all takes.
//
//   build/release/tests/bench/tessera-bench --tokens 1000000 --keep-store /tmp/1m.store
//   QT_QPA_PLATFORM=offscreen build/release/tests/bench/tessera-tree-bench --store /tmp/1m.store
//
// Works on a copy of the store (the kept one stays as it is) and adds a desk of
// 100,000 children to the copy first (tessera-bench's desks hold 1,000).
//
// --revoke-root then revokes everything under tessera-bench's "library-root"
// token (all of its desks) as the console does: on a worker thread, while the
// GUI thread keeps drawing frames (scroll a page, render the view) and takes
// the model's share of the work (the queued tokensRevoked signal). It reports
// the revoke's time and the GUI thread's worst frame meanwhile.
#include "BenchTable.h"
#include "Resident.h"
#include "engine/TokenBrowser.h"
#include "engine/TokenEngine.h"
#include "items/TokenTreeModel.h"
#include "store/Store.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTreeView>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <ctime>
#include <thread>

using namespace tessera;
using namespace tessera::engine;
using tessera::bench::BenchTable;
using tessera::items::TokenTreeModel;

namespace {

// tessera-bench's passphrase for its stores.
const QByteArray kPassphrase = QByteArrayLiteral("correct horse battery staple");
const QString kWideDesk = QStringLiteral("wide-desk-100k");

void progress(const QString& text)
{
    QTextStream(stderr) << text << Qt::endl;
}

[[noreturn]] void fail(const QString& what, const Error& error)
{
    progress(QStringLiteral("tessera-tree-bench: %1: %2").arg(what, error.message));
    std::exit(1);
}

template <typename T> T must(Result<T> result, const QString& what)
{
    if (!result.ok())
        fail(what, result.error());
    return std::move(result).value();
}

double msOf(const QElapsedTimer& timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(double(values.size()) * p))];
}

// Adds the desk of `children` tokens unless the store has it already.
QString ensureWideDesk(TokenEngine& engine, int children)
{
    const TokenBrowser browser = engine.browser();
    auto found = must(browser.search(TokenFilter(kWideDesk), 1), QStringLiteral("find desk"));
    if (!found.isEmpty())
        return found.first().token.accessor;
    const Caller owner = Caller::storeOwner(QStringLiteral("bench"));
    TokenRequest desk;
    desk.orphan = true;
    desk.displayName = kWideDesk;
    desk.policies = {QStringLiteral("ebooks")};
    desk.ttl = 30 * 24 * 3600;
    const QString accessor =
        must(engine.tokens().createToken(owner, desk), QStringLiteral("desk")).info.accessor;
    progress(QStringLiteral("Adding %1 children to %2…").arg(children).arg(kWideDesk));
    for (int done = 0; done < children;) {
        QList<TokenRequest> chunk;
        for (int i = 0; i < 50'000 && done < children; ++i, ++done) {
            TokenRequest request;
            request.parentAccessor = accessor;
            request.policies = {QStringLiteral("ebooks")};
            request.displayName = QStringLiteral("visitor-%1").arg(done);
            request.meta = {{QStringLiteral("patron_id"), QString::number(900'000'000 + done)}};
            request.ttl = 3600 + (done * 7919) % (14 * 24 * 3600); // TTLs in no order
            chunk.append(request);
        }
        must(engine.tokens().createTokens(owner, chunk), QStringLiteral("children"));
    }
    return accessor;
}

struct RunFigures
{
    double unlockMs = 0;     // Store::open: the KDF and the first page
    double firstPaintMs = 0; // engine + model + view shown and painted
    double expandMs = 0;     // expand the wide desk until its first rows are painted
    std::vector<double> frameMs;
    std::vector<double> frameCpuMs; // this thread's CPU time: what a busy machine does not inflate
    double scrolledRows = 0;
    double searchMs = 0;
    double revealMs = 0;
    double residentMiB = 0;
};

RunFigures runOnce(const QString& path, int scrollRows)
{
    RunFigures figures;
    QElapsedTimer timer;
    timer.start();
    auto store = must(store::Store::open(path, kPassphrase), QStringLiteral("unlock"));
    figures.unlockMs = msOf(timer);

    timer.restart();
    auto engine = must(TokenEngine::open(std::move(store)), QStringLiteral("engine"));
    TokenTreeModel model(*engine);
    QTreeView view;
    view.setUniformRowHeights(true);
    view.resize(1200, 900);
    view.setModel(&model);
    view.show();
    (void)view.grab(); // paints the visible rows now
    figures.firstPaintMs = msOf(timer);

    const QString desk = ensureWideDesk(*engine, 100'000);
    const QModelIndex deskIndex = model.revealAccessor(desk);
    view.scrollTo(deskIndex, QAbstractItemView::PositionAtTop);
    (void)view.grab();

    timer.restart();
    view.expand(deskIndex);
    (void)view.grab();
    figures.expandMs = msOf(timer);

    // Page down through the children; the view fetches more as it nears the end.
    QScrollBar* bar = view.verticalScrollBar();
    const int rowsPerPage =
        std::max(1, view.viewport()->height() / std::max(1, view.sizeHintForRow(0)));
    int scrolled = 0;
    while (scrolled < scrollRows) {
        timer.restart();
        const double cpuBefore = threadCpuMs();
        const int before = bar->value();
        bar->setValue(bar->value() + bar->pageStep());
        (void)view.grab();
        figures.frameMs.push_back(msOf(timer));
        figures.frameCpuMs.push_back(threadCpuMs() - cpuBefore);
        if (bar->value() == before)
            break; // the end
        scrolled += rowsPerPage;
    }
    figures.scrolledRows = scrolled;

    // A patron id deep in the wide desk: search, then reveal in the tree.
    const TokenBrowser browser = engine->browser();
    timer.restart();
    const auto matches = must(browser.search(TokenFilter(QStringLiteral("900099123")), 10),
                              QStringLiteral("search"));
    figures.searchMs = msOf(timer);
    if (matches.isEmpty())
        fail(QStringLiteral("search"), Error::internal(QStringLiteral("patron not found")));
    view.collapseAll();
    timer.restart();
    const QModelIndex found = model.revealAccessor(matches.first().token.accessor);
    view.scrollTo(found);
    (void)view.grab();
    figures.revealMs = msOf(timer);
    figures.residentMiB = bench::residentMiB();
    return figures;
}

struct RevokeFigures
{
    double revokedTokens = 0;
    double revokeMs = 0;     // the worker's revoke() call
    double untilGoneMs = 0;  // until the tree shows the revoked rows gone
    double worstFrameMs = 0; // the GUI thread's longest frame meanwhile
    double medianFrameMs = 0;
    double frames = 0;
};

RevokeFigures revokeRoot(const QString& path)
{
    RevokeFigures figures;
    auto engine = must(
        TokenEngine::open(must(store::Store::open(path, kPassphrase), QStringLiteral("unlock"))),
        QStringLiteral("engine"));
    TokenTreeModel model(*engine);
    QTreeView view;
    view.setUniformRowHeights(true);
    view.resize(1200, 900);
    view.setModel(&model);
    view.show();
    const auto found =
        must(engine->browser().search(TokenFilter(QStringLiteral("library-root")), 1),
             QStringLiteral("find the library's token"));
    if (found.isEmpty())
        fail(QStringLiteral("revoke-root"),
             Error::notFound(QStringLiteral("no library-root token: rebuild the store with this "
                                            "tessera-bench")));
    const QString root = found.first().token.accessor;
    // The tree as a user would have it: the library open, its first desk too.
    const QModelIndex rootIndex = model.revealAccessor(root);
    view.expand(rootIndex);
    (void)view.grab();
    if (model.rowCount(rootIndex) > 0)
        view.expand(model.index(0, 0, rootIndex));
    (void)view.grab();

    bool gone = false;
    QObject::connect(engine.get(), &TokenEngine::tokensRevoked, &view,
                     [&](const QStringList&, qint64, const QString&) { gone = true; });
    std::atomic<bool> finished{false};
    qint64 revoked = 0;
    double revokeMs = 0;
    QElapsedTimer whole;
    whole.start();
    std::thread worker([&] {
        QElapsedTimer timer;
        timer.start();
        revoked = must(engine->tokens().revoke(Caller::storeOwner(QStringLiteral("bench")),
                                               TokenRef::accessor(root)),
                       QStringLiteral("revoke"))
                      .size();
        revokeMs = msOf(timer);
        finished = true;
    });
    QScrollBar* bar = view.verticalScrollBar();
    std::vector<double> frames;
    // Each frame: the events due (the signal, once the revoke has committed),
    // one step of scrolling and a render; the same until the tree has changed.
    while (!finished || !gone) {
        QElapsedTimer frame;
        frame.start();
        QCoreApplication::processEvents();
        bar->setValue(bar->value() == bar->maximum() ? 0 : bar->value() + bar->singleStep() * 3);
        (void)view.grab();
        frames.push_back(msOf(frame));
    }
    figures.untilGoneMs = msOf(whole);
    worker.join();
    figures.revokedTokens = double(revoked);
    figures.revokeMs = revokeMs;
    figures.worstFrameMs = percentile(frames, 1.0);
    figures.medianFrameMs = median(frames);
    figures.frames = double(frames.size());
    return figures;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The token tree on a big store."));
    parser.addHelpOption();
    const QCommandLineOption storeOption(
        QStringLiteral("store"), QStringLiteral("A store kept by tessera-bench --keep-store."),
        QStringLiteral("path"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs (default 3)."),
                                        QStringLiteral("n"), QStringLiteral("3"));
    const QCommandLineOption scrollOption(
        QStringLiteral("scroll-rows"),
        QStringLiteral("Rows to page through in the wide desk (default 100000)."),
        QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption revokeOption(
        QStringLiteral("revoke-root"),
        QStringLiteral("At the end, revoke everything under tessera-bench's library-root token "
                       "while the tree draws frames."));
    parser.addOptions({storeOption, runsOption, scrollOption, revokeOption});
    parser.process(app);
    if (!parser.isSet(storeOption)) {
        progress(QStringLiteral("tessera-tree-bench: --store is required (see BENCHMARKS.md)."));
        return 2;
    }
    const int runs = std::max(1, parser.value(runsOption).toInt());
    const int scrollRows = std::max(0, parser.value(scrollOption).toInt());

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tree.store"));
    progress(QStringLiteral("Copying the store…"));
    if (!QFile::copy(parser.value(storeOption), path))
        fail(QStringLiteral("copy"), Error::internal(QStringLiteral("cannot copy the store")));

    std::vector<RunFigures> all;
    for (int run = 0; run < runs; ++run) {
        progress(QStringLiteral("Run %1 of %2…").arg(run + 1).arg(runs));
        all.push_back(runOnce(path, scrollRows));
    }
    auto medianOf = [&](auto field) {
        std::vector<double> values;
        for (const RunFigures& figures : all)
            values.push_back(field(figures));
        return median(values);
    };
    BenchTable table;
    using Goal = BenchTable::Goal;
    table.add(QStringLiteral("unlock (KDF + open)"), medianOf([](auto& f) { return f.unlockMs; }),
              QStringLiteral("ms"));
    table.add(QStringLiteral("after the KDF: engine, model, first paint"),
              medianOf([](auto& f) { return f.firstPaintMs; }), QStringLiteral("ms"), Goal::AtMost,
              1000);
    table.add(QStringLiteral("expand 100k children: first rows painted"),
              medianOf([](auto& f) { return f.expandMs; }), QStringLiteral("ms"), Goal::AtMost,
              100);
    table.add(QStringLiteral("page-down frame, median"),
              medianOf([](auto& f) { return median(f.frameMs); }), QStringLiteral("ms"),
              Goal::AtMost, 16);
    table.add(QStringLiteral("page-down frame, median CPU time"),
              medianOf([](auto& f) { return median(f.frameCpuMs); }), QStringLiteral("ms"));
    table.add(QStringLiteral("page-down frame, p99 CPU time"),
              medianOf([](auto& f) { return percentile(f.frameCpuMs, 0.99); }),
              QStringLiteral("ms"));
    table.add(QStringLiteral("page-down frame, p99"),
              medianOf([](auto& f) { return percentile(f.frameMs, 0.99); }), QStringLiteral("ms"));
    table.add(QStringLiteral("page-down frame, worst"),
              medianOf([](auto& f) { return percentile(f.frameMs, 1.0); }), QStringLiteral("ms"));
    table.add(QStringLiteral("rows paged through"),
              medianOf([](auto& f) { return f.scrolledRows; }), QStringLiteral("rows"));
    table.add(QStringLiteral("search a patron id (metadata value)"),
              medianOf([](auto& f) { return f.searchMs; }), QStringLiteral("ms"));
    table.add(QStringLiteral("reveal it in the tree (load the path, paint)"),
              medianOf([](auto& f) { return f.revealMs; }), QStringLiteral("ms"));
    table.add(QStringLiteral("resident memory at the end"),
              medianOf([](auto& f) { return f.residentMiB; }), QStringLiteral("MiB"), Goal::AtMost,
              300);
    if (parser.isSet(revokeOption)) {
        progress(QStringLiteral("Revoking everything under the root…"));
        const RevokeFigures revoke = revokeRoot(path);
        table.add(QStringLiteral("revoke everything under the root: tokens"), revoke.revokedTokens,
                  QStringLiteral("tokens"));
        table.add(QStringLiteral("revoke everything under the root (worker thread)"),
                  revoke.revokeMs, QStringLiteral("ms"));
        table.add(QStringLiteral("until the tree shows them gone"), revoke.untilGoneMs,
                  QStringLiteral("ms"));
        table.add(QStringLiteral("GUI frame meanwhile, worst"), revoke.worstFrameMs,
                  QStringLiteral("ms"));
        table.add(QStringLiteral("GUI frame meanwhile, median"), revoke.medianFrameMs,
                  QStringLiteral("ms"));
        table.add(QStringLiteral("GUI frames meanwhile"), revoke.frames, QStringLiteral("frames"));
    }
    std::fputs(qPrintable(table.toMarkdown()), stdout);
    return table.allTargetsMet() ? 0 : 1;
}
