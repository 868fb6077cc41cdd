#pragma once

#include <QObject>
#include <QString>
#include <QtGlobal>

namespace tessera::test {

// The child of `parent` with the object name `name`, for driving a form
// through its widgets. A missing one stops the run at once, naming it,
// instead of a crash on a null pointer further on.
template <typename T> T* child(const QObject* parent, const char* name)
{
    T* found = parent ? parent->findChild<T*>(QString::fromLatin1(name)) : nullptr;
    if (!found)
        qFatal("no child %s", name);
    return found;
}

template <typename T> T* child(const QObject& parent, const char* name)
{
    return child<T>(&parent, name);
}

} // namespace tessera::test
