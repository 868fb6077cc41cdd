#pragma once

#include "ui/Background.h"

#include <QString>
#include <memory>
#include <optional>
#include <type_traits>

class QWidget;

namespace tessera::ui {

class Session;

// Long work (revoking a 100k subtree, rekey, backups, exports) off the GUI
// thread behind a modal progress dialog; the window keeps painting.
//
//     auto revoked = LongTask::run(this, tr("Revoking…"), m_session,
//                                  [&engine, ref] { return engine.revoke(caller, ref); });
//
// run() returns the work's result once it is done (a local event loop runs
// meanwhile). User input is held back from the start; the dialog appears only
// if the work takes longer than kShowAfterMs, so quick work does not flash one.
// The session cannot lock while the work runs (a pending lock waits for it).
class LongTask
{
public:
    static constexpr int kShowAfterMs = 300;

    template <typename Work>
    static std::invoke_result_t<Work> run(QWidget* parent, const QString& label, Session& session,
                                          Work work)
    {
        using T = std::invoke_result_t<Work>;
        std::optional<T> result;
        LongTask task(parent, label, session);
        runInBackground(task.context(), std::move(work), [&result, &task](T value) {
            result.emplace(std::move(value));
            task.finish();
        });
        task.wait();
        return std::move(*result);
    }

private:
    LongTask(QWidget* parent, const QString& label, Session& session);
    ~LongTask();
    QObject* context();
    void finish();
    void wait();

    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace tessera::ui
