#include "ui/ServerControl.h"

namespace tessera::ui {

QString ServerControl::statusText() const
{
    switch (state()) {
    case State::Running:
        return tr("Running at %1").arg(address());
    case State::Stopped:
        return tr("Stopped");
    case State::Failed:
        return tr("Failed: %1").arg(errorMessage());
    }
    return {};
}

} // namespace tessera::ui
