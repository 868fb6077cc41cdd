// Fuzz target: the bytes of an HTTP/1.x request head, as a client sends them,
// into RequestHead::read (what the connection guard runs on every request
// before Qt HTTP Server or the check shortcut reads it) and, for an accepted
// head, RequestHead::forEachField (what the check shortcut reads fields with).
//
// The input up to its first blank line is the head (request line and fields,
// each line ending in CRLF); without one, the whole input.
// Invariants: nothing crashes; a refusal is 400, 431 or 505 with a reason;
// an accepted head has a METHOD SP TARGET SP HTTP/1.x request line, at most
// kMaxFields fields, each a non-empty token name and a value without CR, LF
// or NUL and without whitespace around it, exactly one Host in HTTP/1.1 (at
// most one in 1.0), a Content-Length only as the digits of its one field,
// and never both chunked and a length.

#include "FuzzCheck.h"
#include "api/RequestHead.h"

#include <QByteArray>
#include <cstdint>

using tessera::api::RequestHead;

namespace {

bool isTchar(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

void checkAccepted(QByteArrayView head, const RequestHead& read)
{
    const qsizetype lineEnd = head.indexOf("\r\n");
    FUZZ_CHECK(lineEnd > 0);
    const QByteArrayView line = head.first(lineEnd);
    FUZZ_CHECK(line.count(' ') == 2);
    FUZZ_CHECK(line.sliced(line.size() - 9).startsWith(" HTTP/1."));
    const bool http10 = line.endsWith("HTTP/1.0");

    int fields = 0;
    int hosts = 0;
    int lengths = 0;
    RequestHead::forEachField(head, [&](QByteArrayView name, QByteArrayView value) {
        ++fields;
        FUZZ_CHECK(!name.isEmpty());
        for (const char c : name)
            FUZZ_CHECK(isTchar(c));
        for (const char c : value)
            FUZZ_CHECK(c != '\r' && c != '\n' && c != '\0');
        FUZZ_CHECK(value.isEmpty() || (value.front() != ' ' && value.front() != '\t' &&
                                       value.back() != ' ' && value.back() != '\t'));
        if (name.compare("host", Qt::CaseInsensitive) == 0)
            ++hosts;
        if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
            ++lengths;
            FUZZ_CHECK(!value.isEmpty());
            for (const char c : value)
                FUZZ_CHECK(c >= '0' && c <= '9');
        }
    });
    FUZZ_CHECK(fields <= RequestHead::kMaxFields);
    FUZZ_CHECK(http10 ? hosts <= 1 : hosts == 1);
    FUZZ_CHECK(lengths <= 1);
    FUZZ_CHECK((read.contentLength >= 0) == (lengths == 1));
    FUZZ_CHECK(!(read.chunked && read.contentLength >= 0));
    FUZZ_CHECK(!(read.chunked && http10));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char*>(data), qsizetype(size));
    const qsizetype blank = input.indexOf("\r\n\r\n");
    const QByteArrayView head = blank < 0 ? input : input.first(blank + 2);
    const RequestHead read = RequestHead::read(head);
    if (read.status != 0) {
        FUZZ_CHECK(read.status == 400 || read.status == 431 || read.status == 505);
        FUZZ_CHECK(read.problem != nullptr && read.problem[0] != '\0');
        return 0;
    }
    checkAccepted(head, read);
    return 0;
}
