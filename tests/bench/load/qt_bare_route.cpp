// tessera-bench-qt-route: one Qt HTTP Server route answering a fixed JSON body,
// nothing else. tests/bench/load/load.sh runs it beside nginx and the API to
// show what the HTTP layer alone costs on this machine.
//   tessera-bench-qt-route [PORT]        (0 or nothing: an ephemeral port)
#include <QCoreApplication>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QTextStream>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    const quint16 wanted = arguments.size() > 1 ? arguments.at(1).toUShort() : 0;

    // The same bytes nginx serves from its static file in load.sh.
    static const QByteArray body =
        QByteArrayLiteral(R"({"initialized":true,"sealed":false,"standby":false,"version":"bench"})"
                          "\n");
    QHttpServer server;
    server.route(QStringLiteral("/v1/sys/health"),
                 [] { return QHttpServerResponse(QByteArrayLiteral("application/json"), body); });
    const quint16 port = server.listen(QHostAddress::LocalHost, wanted);
    QTextStream out(stdout);
    if (port == 0) {
        QTextStream(stderr) << "cannot listen on 127.0.0.1:" << wanted << Qt::endl;
        return 1;
    }
    out << "listening on http://127.0.0.1:" << port << Qt::endl;
    return app.exec();
}
