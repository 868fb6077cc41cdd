#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>
#include <type_traits>
#include <utility>

namespace tessera::ui {

// Runs `work` on Qt's thread pool and hands its result to `done` on the GUI
// thread. `done` is dropped (and the result discarded) if `context` is
// destroyed first. Move-only results (Result<std::unique_ptr<...>>) are fine.
template <typename Work, typename Done> void runInBackground(QObject* context, Work work, Done done)
{
    using T = std::invoke_result_t<Work>;
    auto* watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, done = std::move(done)]() mutable {
                         watcher->deleteLater();
                         done(watcher->future().takeResult());
                     });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

} // namespace tessera::ui
