#include "ui/DialogParts.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

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

QLabel* DialogParts::warningIcon(QWidget* parent)
{
    auto* icon = new QLabel(parent);
    const int size = parent->style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, parent);
    icon->setPixmap(parent->style()
                        ->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, parent)
                        .pixmap(size, size));
    return icon;
}

QMessageBox* DialogParts::confirmation(QWidget* parent, const QString& title, const QString& yes,
                                       std::pair<const char*, const char*> nameAndYesName,
                                       const std::function<void()>& confirmed)
{
    auto* box =
        new QMessageBox(QMessageBox::Warning, title, QString(), QMessageBox::Cancel, parent);
    box->setObjectName(QString::fromLatin1(nameAndYesName.first));
    QPushButton* yesButton = box->addButton(yes, QMessageBox::AcceptRole);
    yesButton->setObjectName(QString::fromLatin1(nameAndYesName.second));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setEscapeButton(QMessageBox::Cancel);
    QObject::connect(box, &QMessageBox::buttonClicked, box,
                     [yesButton, confirmed](QAbstractButton* button) {
                         if (button == yesButton)
                             confirmed();
                     });
    return box;
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

void DialogParts::addFileRow(QFormLayout* form, const QString& label, QWidget* field,
                             QWidget* browse)
{
    auto* row = new QHBoxLayout;
    row->addWidget(field, 1);
    row->addWidget(browse);
    // A row holding a layout gets no buddy from QFormLayout: without one the
    // label would show its "&" instead of an Alt shortcut.
    auto* rowLabel = new QLabel(label, field->parentWidget());
    rowLabel->setBuddy(field);
    form->addRow(rowLabel, row);
}

void DialogParts::stackStoreDialog(QWidget* dialog, QWidget* intro, QLayout* form, QWidget* error,
                                   QWidget* busy, QDialogButtonBox* buttons)
{
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(error);
    layout->addWidget(busy);
    layout->addStretch();
    layout->addWidget(buttons);
}

void DialogParts::setObjectNames(std::initializer_list<std::pair<QObject*, const char*>> named)
{
    for (const auto& [object, name] : named)
        object->setObjectName(QString::fromLatin1(name));
}

} // namespace tessera::ui
