#include "ui/DialogParts.h"

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
    label->setAccessibleName(QLabel::tr("Error"));
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
