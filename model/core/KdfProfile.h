#pragma once

#include <QtGlobal>

namespace tessera {

// How a store's passphrase becomes its key (see store/StoreKey.h): the first
// byte of the file's salt names the profile, so a file records how its key was
// derived and stronger profiles can be added later. Front ends choose it when
// they create a store (engine::StoreSetup); everything else reads it off the file.
enum class KdfProfile : quint8
{
    Scrypt = 0x01,        // scrypt N=2^17, r=8, p=1: above SQLCipher 4's PBKDF2-SHA512 x256k
    TestOnlyCheap = 0x7f, // scrypt N=2^4: only tests select it, for speed
};

} // namespace tessera
