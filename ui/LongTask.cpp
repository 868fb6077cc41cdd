#include "ui/LongTask.h"

#include "ui/Session.h"

#include <QApplication>
#include <QEvent>
#include <QEventLoop>
#include <QProgressDialog>
#include <QTimer>

namespace tessera::ui {
namespace {

// Swallows user input while the work runs (the dialog has nothing to click),
// so a second click or key press cannot start the same work twice, not even
// replayed after it finished.
class InputHold : public QObject
{
public:
    InputHold() { qApp->installEventFilter(this); }
    ~InputHold() override { qApp->removeEventFilter(this); }

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
            return true;
        default:
            return QObject::eventFilter(watched, event);
        }
    }
};

} // namespace

struct LongTask::Impl
{
    Impl(QWidget* parent, Session& session)
        : busy(session)
        , dialog(parent)
    {}

    Session::BusyScope busy;
    QObject context;
    QEventLoop loop;
    QTimer showTimer;
    InputHold hold;
    QProgressDialog dialog;
    bool finished = false;
};

LongTask::LongTask(QWidget* parent, const QString& label, Session& session)
    : d(std::make_unique<Impl>(parent, session))
{
    d->dialog.setWindowTitle(QCoreApplication::translate("LongTask", "Please wait"));
    d->dialog.setLabelText(label);
    d->dialog.setRange(0, 0); // busy indicator: engine work reports no steps
    d->dialog.setCancelButton(nullptr);
    d->dialog.setWindowModality(Qt::ApplicationModal);
    d->dialog.setMinimumDuration(0);
    d->dialog.setAutoClose(false);
    d->dialog.setAutoReset(false);
    d->dialog.hide();
    d->showTimer.setSingleShot(true);
    d->showTimer.setInterval(kShowAfterMs);
    QObject::connect(&d->showTimer, &QTimer::timeout, &d->dialog, &QWidget::show);
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
