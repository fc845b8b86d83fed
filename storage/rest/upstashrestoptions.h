#pragma once

#include "rest/restproxy.h"

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QUrl>

namespace pmkv {

// How an UpstashRestStore reaches its server. The token is a secret: it is sent in the
// Authorization header and nowhere else (never logged, never in an error text).
struct UpstashRestOptions
{
    QUrl url;         // https://eu1-xyz.upstash.io, http://127.0.0.1:8080 (base, no path)
    QByteArray token; // Bearer token
    // Plain http:// is accepted for loopback hosts only, unless this is set.
    bool allowInsecureHttp = false;
    // The credentials are a read-only token: the store says it can neither write nor SCAN
    // (Upstash refuses SCAN and KEYS to read-only tokens).
    bool readOnlyToken = false;

    // Pipelines are split so that no request carries more than this many commands or
    // (except for a single command that is larger on its own) more than this many bytes.
    int maxCommandsPerRequest = 1000;
    qint64 maxBytesPerRequest = 1024 * 1024;
    // SCAN ... COUNT n is capped here (Upstash answers at most about 1,000 keys per call).
    int maxScanCount = 1000;

    // Requests of one batch of reads sent at once (a batch with a write goes one request after
    // the other, so later requests see earlier writes and a failure leaves an exact prefix).
    int maxParallelReads = 4;

    int timeoutMs = 30000;   // per request, reset while bytes flow
    int retries = 4;         // network failures only, see docs/connections.md
    int backoffMs = 100;     // first pause; doubles each retry
    int maxBackoffMs = 3000; // pauses never grow past this

    // Extra certificate authorities to trust (a private proxy's own CA). The system ones
    // stay trusted; certificate errors are never ignored.
    QList<QSslCertificate> caCertificates;

    // Which HTTP proxy to go through (the system's by default; never for loopback).
    RestProxy proxy;
};

} // namespace pmkv
