// A server that crashed (or was killed) while an upload waited for its job leaves the upload's
// directory behind; the next server start removes such directories, and only those.
#include <catch2/catch.hpp>

#include "import_fixture.hpp"
#include "vector_files.hpp"

#include <csignal>
#include <fcntl.h>
#include <netinet/in.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

extern char** environ;

using namespace riskatlas;

namespace {

int free_port() {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(s >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(s, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    socklen_t size = sizeof address;
    REQUIRE(::getsockname(s, reinterpret_cast<sockaddr*>(&address), &size) == 0);
    ::close(s);
    return ntohs(address.sin_port);
}

std::string read_all(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// `riskatlas serve` with TMPDIR pointing at `tmp`, its log in `log`.
pid_t start_server(const std::string& dsn, const std::string& tmp, const std::string& log) {
    const std::vector<std::string> args{RISKATLAS_BINARY,
                                        "--db",
                                        dsn,
                                        "serve",
                                        "--host",
                                        "127.0.0.1",
                                        "--port",
                                        std::to_string(free_port()),
                                        "--recompute-interval",
                                        "0"};
    std::vector<std::string> env{"TMPDIR=" + tmp};
    for (char** e = environ; *e != nullptr; ++e)
        if (!std::string_view(*e).starts_with("TMPDIR="))
            env.emplace_back(*e);
    const auto pointers = [](std::vector<std::string>& items) {
        std::vector<char*> out;
        for (auto& s : items)
            out.push_back(s.data());
        out.push_back(nullptr);
        return out;
    };
    auto argv_items = args;
    auto argv = pointers(argv_items);
    auto envp = pointers(env);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 2, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 2, 1);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    REQUIRE(rc == 0);
    return pid;
}

} // namespace

TEST_CASE("a server start removes the upload directories a crashed server left", "[pg][import]") {
    static test::import_fixture fx;
    namespace fs = std::filesystem;
    const fs::path tmp = test::temp_dir("upload-dirs");
    // a crashed server's directory: nobody holds its lock; an older build's (unlocked by design)
    // is left over only when untouched for a day
    const auto crashed = tmp / "riskatlas-upload-AbC123";
    const auto older_build = tmp / "riskatlas-import-XyZ789";
    const auto older_build_recent = tmp / "riskatlas-import-DeF456";
    const auto not_ours = tmp / "someone-else-import-1";
    for (const auto& d : {crashed, older_build, older_build_recent, not_ours}) {
        fs::create_directory(d);
        test::write_text((d / "upload.gpkg").string(), "bytes");
    }
    const auto now = fs::file_time_type::clock::now();
    fs::last_write_time(crashed, now - std::chrono::minutes(10));
    fs::last_write_time(older_build, now - std::chrono::hours(48));
    fs::last_write_time(older_build_recent, now - std::chrono::hours(1));

    const std::string log = (tmp / "server.log").string();
    const pid_t pid = start_server(fx.dsn(), tmp.string(), log);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (read_all(log).find("serving") == std::string::npos &&
           std::chrono::steady_clock::now() < deadline && ::waitpid(pid, nullptr, WNOHANG) == 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const auto output = read_all(log);
    ::kill(pid, SIGTERM);
    int status = 0;
    ::waitpid(pid, &status, 0);

    INFO(output);
    CHECK(output.find("serving") != std::string::npos);
    CHECK_FALSE(fs::exists(crashed));
    CHECK_FALSE(fs::exists(older_build));
    CHECK(fs::exists(older_build_recent / "upload.gpkg"));
    CHECK(fs::exists(not_ours / "upload.gpkg"));
    CHECK(output.find("removed 2 upload directories") != std::string::npos);
}
