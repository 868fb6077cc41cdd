#include "core/SecretBytes.h"

#include <string.h> // explicit_bzero (glibc): a memset the optimiser may not drop

namespace tessera {

SecretBytes::~SecretBytes()
{
    wipe(m_bytes);
}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept
{
    if (this != &other) {
        wipe(m_bytes);
        m_bytes = std::move(other.m_bytes);
    }
    return *this;
}

bool SecretBytes::operator==(const SecretBytes& other) const
{
    return m_bytes == other.m_bytes;
}

void SecretBytes::wipe(QByteArray& secret)
{
    // A shared buffer is still in use elsewhere, and writing to it would detach
    // and wipe a fresh copy instead.
    if (!secret.isEmpty() && secret.isDetached())
        explicit_bzero(secret.data(), static_cast<size_t>(secret.size()));
}

} // namespace tessera
