#pragma once

#include "ui/Background.h"

#include <QString>
#include <functional>
#include <memory>
#include <optional>
#include <stop_token>
#include <type_traits>

class QWidget;

namespace tessera::ui {

class Session;

// Long work (revoking a 100k subtree, rekey, backups, reports) off the GUI
// thread behind a modal progress dialog; the window keeps painting.
//
//     auto revoked = LongTask::run(this, tr("Revoking…"), m_session,
//                                  [&engine, ref] { return engine.tokens().revoke(caller, ref); });
//
// run() returns the work's result once it is done (a local event loop runs
// meanwhile). User input is held back from the start; the dialog appears only
// if the work takes longer than kShowAfterMs, so quick work does not flash one.
// The session cannot lock while the work runs (a pending lock waits for it).
//
// runCancellable() is the same for work that tells how far it got and can
// stop: the dialog shows a percentage and a Cancel button (the only input let
// through), which asks `stop` to stop. The work decides when; its result
// (usually an error) is still returned. `progress` may be called from any thread.
//
//     auto written = LongTask::runCancellable(this, tr("Writing…"), &m_session,
//         [&](std::stop_token stop, const LongTask::Progress& progress) {
//             return build(stop, progress); // progress(permille)
//         });
class LongTask
{
public:
    static constexpr int kShowAfterMs = 300;
    using Progress = std::function<void(int permille)>;

    template <typename Work>
    static std::invoke_result_t<Work> run(QWidget* parent, const QString& label, Session& session,
                                          Work work)
    {
        LongTask task(parent, label, &session, false);
        return task.execute(std::move(work));
    }

    // `session`, when given, does not lock while the work runs (dialogs that
    // tests drive without a session pass none).
    template <typename Work>
    static std::invoke_result_t<Work> run(QWidget* parent, const QString& label, Session* session,
                                          Work work)
    {
        LongTask task(parent, label, session, false);
        return task.execute(std::move(work));
    }

    // `session`, when given, does not lock while the work runs.
    template <typename Work>
    static std::invoke_result_t<Work, std::stop_token, Progress>
    runCancellable(QWidget* parent, const QString& label, Session* session, Work work)
    {
        LongTask task(parent, label, session, true);
        return task.execute(
            [work = std::move(work), stop = task.stopToken(),
             progress = task.progress()]() mutable { return work(stop, progress); });
    }

private:
    LongTask(QWidget* parent, const QString& label, Session* session, bool cancellable);
    ~LongTask();

    template <typename Work> std::invoke_result_t<Work> execute(Work work)
    {
        using T = std::invoke_result_t<Work>;
        std::optional<T> result;
        runInBackground(context(), std::move(work), [this, &result](T value) {
            result.emplace(std::move(value));
            finish();
        });
        wait();
        return std::move(*result);
    }

    QObject* context();
    std::stop_token stopToken() const;
    Progress progress() const;
    void finish();
    void wait();

    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace tessera::ui
