// libcurl-based test client and a raw-socket helper for malformed requests.
#include "http_client.hpp"

#include <curl/curl.h>

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <stdexcept>

namespace riskatlas::test {

std::string http_result::header(const std::string& lower_name) const {
    const auto it = headers.find(lower_name);
    return it == headers.end() ? "" : it->second;
}

nlohmann::json http_result::json() const { return nlohmann::json::parse(body); }

std::string server_url() {
    static const std::string url = [] {
        const char* state = std::getenv("RISKATLAS_TEST_SERVER_STATE");
        if (!state)
            throw std::runtime_error("RISKATLAS_TEST_SERVER_STATE is not set (run through ctest)");
        std::ifstream in(std::string(state) + "/url");
        std::string u;
        std::getline(in, u);
        if (u.empty())
            throw std::runtime_error("no server URL in " + std::string(state) + "/url");
        return u;
    }();
    return url;
}

namespace {
struct curl_deleter {
    void operator()(CURL* c) const noexcept { curl_easy_cleanup(c); }
};
struct slist_deleter {
    void operator()(curl_slist* l) const noexcept { curl_slist_free_all(l); }
};

std::size_t on_body(char* data, std::size_t size, std::size_t n, void* out) {
    static_cast<std::string*>(out)->append(data, size * n);
    return size * n;
}

std::size_t on_header(char* data, std::size_t size, std::size_t n, void* out) {
    std::string line(data, size * n);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        for (auto& c : name)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string value = line.substr(colon + 1);
        while (!value.empty() && std::isspace(static_cast<unsigned char>(value.front())))
            value.erase(0, 1);
        while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back())))
            value.pop_back();
        (*static_cast<std::map<std::string, std::string>*>(out))[name] = value;
    }
    return size * n;
}
} // namespace

namespace {
http_result perform(const std::string& path_or_url, const std::map<std::string, std::string>& headers,
                    bool decode_gzip, const std::string* method, const std::string* body) {
    const std::string url = path_or_url.starts_with("http") ? path_or_url : server_url() + path_or_url;
    std::unique_ptr<CURL, curl_deleter> curl(curl_easy_init());
    std::unique_ptr<curl_slist, slist_deleter> list;
    for (const auto& [name, value] : headers)
        list.reset(curl_slist_append(list.release(), (name + ": " + value).c_str()));
    http_result r;
    curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, list.get());
    curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &r.body);
    curl_easy_setopt(curl.get(), CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(curl.get(), CURLOPT_HEADERDATA, &r.headers);
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, 30L);
    curl_easy_setopt(curl.get(), CURLOPT_PATH_AS_IS, 1L); // send "/../" as written: traversal tests
    if (decode_gzip)
        curl_easy_setopt(curl.get(), CURLOPT_ACCEPT_ENCODING, "gzip");
    if (body) {
        curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, body->data());
        curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body->size()));
    }
    if (method)
        curl_easy_setopt(curl.get(), CURLOPT_CUSTOMREQUEST, method->c_str());
    const auto rc = curl_easy_perform(curl.get());
    if (rc != CURLE_OK)
        throw std::runtime_error("GET " + url + ": " + curl_easy_strerror(rc));
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &r.status);
    return r;
}
} // namespace

http_result http_get(const std::string& path_or_url, const std::map<std::string, std::string>& headers,
                     bool decode_gzip) {
    return perform(path_or_url, headers, decode_gzip, nullptr, nullptr);
}

http_result http_send(const std::string& method, const std::string& path, const std::string& body) {
    return perform(path, {}, false, &method, &body);
}

int connect_to_server(int receive_timeout_s) {
    const auto base = server_url(); // http://host:port
    const auto hostport = base.substr(7);
    const auto colon = hostport.rfind(':');
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(std::stoi(hostport.substr(colon + 1))));
    inet_pton(AF_INET, hostport.substr(0, colon).c_str(), &addr.sin_addr);
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
        throw std::runtime_error("cannot connect to " + base);
    timeval tv{receive_timeout_s, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    return fd;
}

std::string raw_exchange(const std::string& raw) {
    // a request the server is still waiting on ends the exchange after 3 s
    const int fd = connect_to_server(3);
    std::size_t sent = 0;
    while (sent < raw.size()) {
        const auto n = ::send(fd, raw.data() + sent, raw.size() - sent, MSG_NOSIGNAL);
        if (n <= 0)
            break; // the server may close early on garbage: read what it said
        sent += static_cast<std::size_t>(n);
    }
    // No shutdown(SHUT_WR): a half-closed peer may be dropped before its answer is written.
    std::string reply;
    char buf[4096];
    for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;)
        reply.append(buf, static_cast<std::size_t>(n));
    ::close(fd);
    return reply;
}

} // namespace riskatlas::test
