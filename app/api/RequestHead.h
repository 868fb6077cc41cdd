#pragma once

#include <QByteArrayView>
#include <QtCore/qxpfunctional.h>
#include <QtGlobal>

namespace tessera::api {

// The framing of one HTTP/1.x request, read from its request line and header
// fields before Qt HTTP Server parses them. Qt HTTP Server 6.4 is lenient where
// a lenient server lets a request be read as two (request smuggling): it drops
// every header field when one is malformed or there are more than 100 (so the
// body is read as the next request), takes the first of several
// Content-Length fields, reads "-5" as no body, and decodes any
// Transfer-Encoding that contains "chunked" as chunked. So the whole head is
// checked here, strictly, and a request Qt would read differently is refused
// (RFC 9112):
//
// * the request line is METHOD SP TARGET SP HTTP/1.x, and lines end in CRLF
//   (no bare CR or LF, no control characters, no obs-fold, no space before a
//   field's colon): otherwise 400;
// * more than kMaxFields fields, or a field line longer than kMaxFieldLine: 431;
// * exactly one Host (at most one in HTTP/1.0): otherwise 400;
// * Content-Length is one field of digits: a second one (even an equal one),
//   a sign, a list or anything else is 400;
// * Transfer-Encoding must be exactly "chunked", only in HTTP/1.1, never with
//   Content-Length: otherwise 400.
//
// Reads the head in place, allocating nothing: it runs for every request.
struct RequestHead
{
    static constexpr int kMaxFields = 100;     // Qt's QHttpHeaderParser drops all beyond
    static constexpr int kMaxFieldLine = 8192; // the same: name, colon and value

    int status = 0;                // 0: acceptable; else the status to refuse it with
    const char* problem = nullptr; // why, for the error body (when status != 0)
    qint64 contentLength = -1;     // -1: none (saturates at the qint64 maximum)
    bool chunked = false;
    bool keepAlive = true; // false: close the connection after the answer

    // `head`: the request line and header fields, each line ending in CRLF,
    // without the blank line that ends the block.
    static RequestHead read(QByteArrayView head);

    // Each field of a head read() accepted, in order: its name and its value
    // without the whitespace around it.
    static void
    forEachField(QByteArrayView head,
                 qxp::function_ref<void(QByteArrayView name, QByteArrayView value)> visit);
};

} // namespace tessera::api
