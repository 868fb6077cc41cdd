#include "ui/LongTask.h"

#include "ui/Session.h"

#include <QApplication>
#include <QEvent>
#include <QEventLoop>
#include <QPointer>
#include <QProgressDialog>
#include <QTimer>

namespace tessera::ui {
namespace {

// Swallows user input while the work runs, so a second click or key press
// cannot start the same work twice, not even replayed after it finished.
// Input for `allowed` (the progress dialog with a Cancel button) goes through.
class InputHold : public QObject
{
public:
    InputHold() { qApp->installEventFilter(this); }
    ~InputHold() override { qApp->removeEventFilter(this); }

    void allow(QWidget* widget) { m_allowed = widget; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        switch (event->type()) {
        case QEvent::KeyPress:
        case QEvent::KeyRelease:
        case QEvent::MouseButtonPress:
        case QEvent::MouseButtonRelease:
        case QEvent::MouseButtonDblClick:
        case QEvent::Wheel:
        case QEvent::Shortcut:
        case QEvent::ShortcutOverride:
            return !isAllowed(watched);
        default:
            return QObject::eventFilter(watched, event);
        }
    }

private:
    bool isAllowed(QObject* watched) const
    {
        const auto* widget = qobject_cast<const QWidget*>(watched);
        return m_allowed && widget && (widget == m_allowed || m_allowed->isAncestorOf(widget));
    }

    QPointer<QWidget> m_allowed;
};

} // namespace

struct LongTask::Impl
{
    Impl(QWidget* parent, Session* session)
        : dialog(parent)
    {
        if (session)
            busy.emplace(*session);
    }

    std::optional<Session::BusyScope> busy;
    QObject context;
    QEventLoop loop;
    QTimer showTimer;
    InputHold hold;
    QProgressDialog dialog;
    std::stop_source stop;
    bool finished = false;
};

LongTask::LongTask(QWidget* parent, const QString& label, Session* session, bool cancellable)
    : d(std::make_unique<Impl>(parent, session))
{
    QProgressDialog& dialog = d->dialog;
    dialog.setWindowTitle(QCoreApplication::translate("LongTask", "Please wait"));
    dialog.setLabelText(label);
    if (cancellable) {
        dialog.setRange(0, 1000);
    } else {
        dialog.setRange(0, 0); // busy indicator: the work reports no steps
        dialog.setCancelButton(nullptr);
    }
    dialog.setWindowModality(Qt::ApplicationModal);
    dialog.setMinimumDuration(cancellable ? kShowAfterMs : 0);
    dialog.setAutoClose(false);
    dialog.setAutoReset(false);
    if (cancellable) {
        dialog.setValue(0); // starts the dialog's own clock towards showing itself
        d->hold.allow(&dialog);
        // The work stops at its next step; until then the dialog says so.
        QObject::connect(&dialog, &QProgressDialog::canceled, &d->context, [this] {
            d->stop.request_stop();
            d->dialog.setLabelText(QCoreApplication::translate("LongTask", "Cancelling…"));
            d->dialog.show();
        });
    }
    dialog.hide();
    d->showTimer.setSingleShot(true);
    d->showTimer.setInterval(kShowAfterMs);
    QObject::connect(&d->showTimer, &QTimer::timeout, &dialog, &QWidget::show);
    QApplication::setOverrideCursor(Qt::BusyCursor);
}

LongTask::~LongTask()
{
    QApplication::restoreOverrideCursor();
}

QObject* LongTask::context()
{
    return &d->context;
}

std::stop_token LongTask::stopToken() const
{
    return d->stop.get_token();
}

LongTask::Progress LongTask::progress() const
{
    // Queued onto the GUI thread; dropped once the dialog is gone.
    QPointer<QProgressDialog> dialog(&d->dialog);
    return [dialog](int permille) {
        QMetaObject::invokeMethod(
            dialog,
            [dialog, permille] {
                if (dialog && !dialog->wasCanceled())
                    dialog->setValue(permille);
            },
            Qt::QueuedConnection);
    };
}

void LongTask::finish()
{
    d->finished = true;
    d->loop.quit();
}

void LongTask::wait()
{
    if (d->finished)
        return;
    d->showTimer.start();
    d->loop.exec();
    d->showTimer.stop();
    d->dialog.hide();
}

} // namespace tessera::ui
