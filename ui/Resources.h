#pragma once

namespace tessera::ui {

// The icons in resources/tessera.qrc live in this static library: whoever
// shows widgets calls init() once (main(), the GUI tests) so the linker keeps them.
struct Resources
{
    static void init();
};

} // namespace tessera::ui
