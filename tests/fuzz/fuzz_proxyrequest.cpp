// libFuzzer target for pmkv-proxy's request path: raw bytes -> HttpRequestParser (fed in
// pieces the input chooses) -> ProxyRouter (body JSON, path, query, headers, auth) ->
// ReplyJson. Beyond "no crash, no leak, no UB" it checks two properties and aborts when they
// fail: the parser never holds more than its limits allow, and every command argument
// survives appendJsonString -> CommandJson::parseCommand unchanged.
#include "core/jsonstring.h"
#include "proxy/commandjson.h"
#include "proxy/httprequestparser.h"
#include "proxy/proxyrouter.h"
#include "proxy/replyjson.h"

#include <cstdint>
#include <cstdlib>

using namespace pmkv;

namespace {

HttpLimits limits()
{
    HttpLimits l;
    l.maxRequestLine = 2048;
    l.maxHeaderBytes = 4096;
    l.maxHeaderCount = 20;
    l.maxBody = 64 * 1024;
    return l;
}

void checkRoundTrip(const KvCommand& command)
{
    QByteArray json("[");
    for (qsizetype i = 0; i < command.size(); ++i) {
        if (i)
            json.append(',');
        appendJsonString(json, command[i]);
    }
    json.append(']');
    const auto back = CommandJson::parseCommand(json);
    if (!back.ok() || back.value() != command)
        abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    // The first byte picks the piece size, so splits at every position get explored.
    const qsizetype piece = 1 + data[0] % 64;
    const char* bytes = reinterpret_cast<const char*>(data + 1);
    const qsizetype n = static_cast<qsizetype>(size - 1);

    static const ProxyAuth auth({"full-token"}, {"ro-token"});
    const HttpLimits l = limits();
    HttpRequestParser parser(l);
    for (qsizetype pos = 0; pos < n; pos += piece) {
        parser.append(bytes + pos, qMin(piece, n - pos));
        for (;;) {
            const auto status = parser.next();
            parser.takeContinueRequest();
            if (parser.bufferedBytes() >
                l.maxRequestLine + l.maxHeaderBytes + l.maxBody + piece + 8)
                abort(); // memory bounded by the limits
            if (status == HttpRequestParser::Status::Error)
                return 0;
            if (status == HttpRequestParser::Status::NeedMore)
                break;
            const HttpRequest request = parser.takeRequest();
            const ProxyPlan plan = ProxyRouter::plan(request, auth);
            for (const KvCommand& c : plan.commands)
                checkRoundTrip(c);
            for (const KvCommand& c : plan.commands) {
                KvReply reply = KvReply::array({});
                for (const QByteArray& a : c)
                    reply.elements.append(KvReply::string(a));
                (void)ReplyJson::envelope(reply, true);
                (void)ReplyJson::envelope(reply, false);
            }
        }
    }
    return 0;
}
