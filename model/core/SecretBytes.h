#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace tessera {

// A passphrase or password held for as long as one operation needs it,
// overwritten when it goes away so it does not linger in freed memory. Used by
// every front end (the CLI's prompts, the console's dialogs) on the way to the
// engine. Move-only, so no implicitly shared copy escapes the wipe.
class SecretBytes
{
public:
    SecretBytes() = default;
    explicit SecretBytes(QByteArray bytes)
        : m_bytes(std::move(bytes))
    {
        m_bytes.detach();
    }
    ~SecretBytes();
    SecretBytes(SecretBytes&& other) noexcept
        : m_bytes(std::move(other.m_bytes))
    {}
    SecretBytes& operator=(SecretBytes&& other) noexcept;
    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;

    QByteArrayView view() const { return m_bytes; }
    bool isEmpty() const { return m_bytes.isEmpty(); }
    bool operator==(const SecretBytes& other) const;

    // Zeroes a secret held in a plain QByteArray (such as a key spec) in place,
    // unless another QByteArray still shares its buffer: the last owner wipes.
    static void wipe(QByteArray& secret);

private:
    QByteArray m_bytes;
};

} // namespace tessera
