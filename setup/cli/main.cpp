// redshift-odbc: registers the driver, writes DSNs and checks connections (README "Command line
// tool"). Every command goes through unixODBC's own API, so it reads and writes the files the
// driver manager uses ($ODBCSYSINI, $ODBCINI, /etc/odbcinst.ini, ~/.odbc.ini).
#include "setup/cli/check.h"
#include "setup/cli/exit_codes.h"
#include "setup/cli/install.h"

#include <charconv>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace cli = rsodbc::cli;

constexpr std::string_view usage_text =
    R"(usage: redshift-odbc COMMAND [OPTIONS]

  register [--name NAME] [--driver PATH]
      register the driver in odbcinst.ini (NAME default "@NAME@", PATH default the
      libredshiftodbc.so installed with this program); each call adds one to UsageCount
  unregister [--name NAME]
      subtract one from UsageCount; at 0 the driver's entry is removed
  add-dsn NAME [--user|--system] [Driver=NAME] KEY=VALUE...
      write a DSN (user odbc.ini by default); keywords are checked against the driver's table
  remove-dsn NAME [--user|--system]
  list [--json]
      registered drivers and the user and system DSNs
  check DSN|CONNECTION-STRING [--json] [--timeout SECONDS]
      connect through the driver manager and report every keyword with its source, the server,
      TLS state and timings, or why the connection failed and what to do about it
  --version, --help

exit status: 0 ok, 1 connection failed (check), 2 usage error, 3 invalid keyword or value,
4 odbcinst failed (permission, not registered, no such DSN)
)";

int usage(std::string_view problem) {
    if (!problem.empty()) {
        std::cerr << "redshift-odbc: " << problem << "\n\n";
    }
    std::string text(usage_text);
    text.replace(text.find("@NAME@"), 6, RSODBC_DRIVER_NAME);
    (problem.empty() ? std::cout : std::cerr) << text;
    return cli::exit_code::usage;
}

// The arguments after the command: options it knows are taken out, the rest stay positional.
struct Arguments {
    std::vector<std::string> positional;
    std::string name = RSODBC_DRIVER_NAME;
    std::string driver;
    bool json = false;
    bool system = false;
    int timeout = 10;
    std::string problem;
};

Arguments parse(const std::vector<std::string>& args) {
    Arguments parsed;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= args.size()) {
                parsed.problem = arg + " needs a value";
                return {};
            }
            return args[++i];
        };
        if (arg == "--json") {
            parsed.json = true;
        } else if (arg == "--system") {
            parsed.system = true;
        } else if (arg == "--user") {
            parsed.system = false;
        } else if (arg == "--name") {
            parsed.name = value();
        } else if (arg == "--driver") {
            parsed.driver = value();
        } else if (arg == "--timeout") {
            const std::string text = value();
            const auto [end, error] =
                std::from_chars(text.data(), text.data() + text.size(), parsed.timeout);
            if (error != std::errc() || end != text.data() + text.size() || parsed.timeout < 0) {
                parsed.problem = "--timeout needs a number of seconds";
            }
        } else if (arg.size() > 1 && arg[0] == '-') {
            parsed.problem = "unknown option " + arg;
        } else {
            parsed.positional.push_back(arg);
        }
    }
    return parsed;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> all(argv + 1, argv + argc);
    if (all.empty()) {
        return usage("no command");
    }
    const std::string& command = all.front();
    if (command == "--help" || command == "-h" || command == "help") {
        return usage("");
    }
    if (command == "--version") {
        std::cout << "redshift-odbc " << RSODBC_VERSION << '\n';
        return cli::exit_code::ok;
    }
    const Arguments args = parse({all.begin() + 1, all.end()});
    if (!args.problem.empty()) {
        return usage(args.problem);
    }
    const auto& positional = args.positional;
    try {
        if (command == "register" && positional.empty()) {
            return cli::register_driver({args.name, args.driver}, std::cout, std::cerr);
        }
        if (command == "unregister" && positional.empty()) {
            return cli::unregister_driver(args.name, std::cout, std::cerr);
        }
        if (command == "add-dsn" && !positional.empty()) {
            return cli::add_dsn(positional.front(), {positional.begin() + 1, positional.end()},
                                args.system, std::cout, std::cerr);
        }
        if (command == "remove-dsn" && positional.size() == 1) {
            return cli::remove_dsn(positional.front(), args.system, std::cout, std::cerr);
        }
        if (command == "list" && positional.empty()) {
            return cli::list(args.json, std::cout, std::cerr);
        }
        if (command == "check" && positional.size() == 1) {
            return cli::check({positional.front(), args.json, args.timeout}, std::cout, std::cerr);
        }
    } catch (const std::exception& error) {
        std::cerr << "redshift-odbc: " << command << ": " << error.what() << '\n';
        return cli::exit_code::odbcinst;
    }
    return usage("bad arguments for '" + command + "'");
}
