// A minimal Upstash-style REST server for tst_resttls: TLS with HTTP/2 offered (HTTP/1.1
// too), answering every ECHO with how its request came: "<HTTP version> <new|reused TLS
// session> <TLS connections so far>".
// Usage: node h2server.mjs KEY.pem CERT.pem   (prints the port it listens on)
import fs from 'node:fs';
import http2 from 'node:http2';

const [keyFile, certFile] = process.argv.slice(2);
const server = http2.createSecureServer({
  key: fs.readFileSync(keyFile),
  cert: fs.readFileSync(certFile),
  allowHTTP1: true,
});
let connections = 0;
server.on('secureConnection', () => { connections += 1; });
server.on('request', (req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    const how = `${req.httpVersion} ${req.socket.isSessionReused() ? 'reused' : 'new'} ${connections}`;
    const result = { result: Buffer.from(how).toString('base64') };
    const commands = JSON.parse(body);
    const answer = Array.isArray(commands[0]) ? commands.map(() => result) : result;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer));
  });
});
server.listen(0, '127.0.0.1', () => { console.log(server.address().port); });
