#include "SecretBytes.h"

#include <string.h> // explicit_bzero (glibc): a memset the optimiser may not drop

namespace tessera::cli {

SecretBytes::~SecretBytes()
{
    wipe();
}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept
{
    if (this != &other) {
        wipe();
        m_bytes = std::move(other.m_bytes);
    }
    return *this;
}

bool SecretBytes::operator==(const SecretBytes& other) const
{
    return m_bytes == other.m_bytes;
}

void SecretBytes::wipe()
{
    // Never scribble over a buffer someone else still shares.
    if (!m_bytes.isEmpty() && m_bytes.isDetached())
        explicit_bzero(m_bytes.data(), static_cast<size_t>(m_bytes.size()));
    m_bytes.clear();
}

} // namespace tessera::cli
