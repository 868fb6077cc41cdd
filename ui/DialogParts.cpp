#include "ui/DialogParts.h"

#include <QCoreApplication>
#include <QLabel>
#include <QProgressBar>

namespace tessera::ui {

QLabel* DialogParts::inlineError(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QStringLiteral("error"));
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: white; background: #b3261e; padding: 6px; "
                                        "border-radius: 4px;"));
    label->setAccessibleName(QCoreApplication::translate("DialogParts", "Error"));
    label->hide();
    return label;
}

QProgressBar* DialogParts::busyBar(const QString& accessibleName, QWidget* parent)
{
    auto* bar = new QProgressBar(parent);
    bar->setRange(0, 0);
    bar->setTextVisible(false);
    bar->setAccessibleName(accessibleName);
    bar->hide();
    return bar;
}

} // namespace tessera::ui
