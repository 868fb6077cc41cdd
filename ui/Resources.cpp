#include "ui/Resources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initTesseraResources()
{
    Q_INIT_RESOURCE(tessera);
}

namespace tessera::ui {

void Resources::init()
{
    initTesseraResources();
}

} // namespace tessera::ui
