#pragma once

#include "ui/Session.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>
#include <memory>
#include <type_traits>

namespace tessera::ui {

// Like runInBackground(), for work that uses the session's engine: the session
// cannot lock (destroy the engine) until the work is done, even when `context`
// (a window, a model) goes away first; then `done` is simply not called.
template <typename Work, typename Done>
void runWithEngine(Session& session, QObject* context, Work work, Done done)
{
    using T = std::invoke_result_t<Work>;
    auto busy = std::make_shared<Session::BusyScope>(session);
    auto* watcher = new QFutureWatcher<T>(&session);
    QObject::connect(
        watcher, &QFutureWatcherBase::finished, &session,
        [watcher, busy, target = QPointer<QObject>(context), done = std::move(done)]() mutable {
            watcher->deleteLater();
            if (target)
                done(watcher->future().takeResult());
        });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

} // namespace tessera::ui
