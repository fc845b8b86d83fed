#pragma once

#include <QByteArray>
#include <QIODevice>

namespace pmkv {

// A request body QNetworkAccessManager can read once and never rewind. QNAM resends a request
// by itself when a keep-alive connection closes before the answer came, even when the server
// already ran it; to resend it must rewind the body, and this body refuses (reset() fails), so
// QNAM reports ContentReSendError instead and the store decides, knowing what the request holds
// (see docs/connections.md). It also tells whether all of it was handed over: until the last
// byte was, the server cannot have acted on the request (its Content-Length is not complete).
class OneShotBody final : public QIODevice
{
    Q_OBJECT

public:
    explicit OneShotBody(QByteArray bytes, QObject* parent = nullptr);

    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override;
    bool atEnd() const override;

    // Every byte was read by the network code (it may or may not have reached the server).
    bool wasReadWhole() const { return m_position >= m_bytes.size(); }

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char* data, qint64 maxSize) override;

private:
    QByteArray m_bytes;
    qint64 m_position = 0;
};

} // namespace pmkv
