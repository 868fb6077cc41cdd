// Where dialogs that live in their own files meet the main window's actions.
// Owned by whoever builds the dialog: add one connect per action here.
#include "ui/MainWindow.h"

#include <QAction>

namespace tessera::ui {

void MainWindow::connectDialogs()
{
    // ui-forms: IssueToken, Renew, Revoke, RevokeKeepChildren, Policies, Roles,
    // Users, Audit. reports: Export.
    for (MainAction pending :
         {MainAction::IssueToken, MainAction::Renew, MainAction::Policies, MainAction::Roles,
          MainAction::Users, MainAction::Audit, MainAction::Export})
        action(pending)->setVisible(false);
}

} // namespace tessera::ui
