defmodule AtomVM.Test.Fixture do
  @moduledoc """
  Writes fixture Mix projects that depend on this repository by path, and runs `mix`
  in them as a user would, in a separate OS process.
  """

  @root Path.expand("../..", __DIR__)

  @doc "This repository's root."
  def root, do: @root

  @doc """
  Creates, under `dir`: `fixture_app` (Elixir and Erlang modules, priv files) that
  depends on `fixture_dep` (a runtime dependency with a priv file), `fixture_tool`
  (`runtime: false`) and `atomvm_mix` itself (`runtime: false`). Returns the app's path.
  """
  def create!(dir) do
    write!(dir, "fixture_dep/mix.exs", project(:fixture_dep, "FixtureDep", "[]", "[]"))

    write!(dir, "fixture_dep/lib/fixture_dep.ex", """
    defmodule FixtureDep do
      def hello, do: "hello from the dependency"
    end
    """)

    write!(dir, "fixture_dep/priv/dep.txt", "dependency data\n")
    write!(dir, "fixture_tool/mix.exs", project(:fixture_tool, "FixtureTool", "[]", "[]"))
    write!(dir, "fixture_tool/lib/fixture_tool.ex", "defmodule FixtureTool do\nend\n")

    deps = """
    [
          {:atomvm_mix, path: #{inspect(@root)}, runtime: false},
          {:fixture_dep, path: "../fixture_dep"},
          {:fixture_tool, path: "../fixture_tool", runtime: false}
        ]
    """

    write!(
      dir,
      "fixture_app/mix.exs",
      project(:fixture_app, "FixtureApp", deps, "[start: FixtureApp]")
    )

    write!(dir, "fixture_app/lib/fixture_app.ex", """
    defmodule FixtureApp do
      def start do
        IO.puts(FixtureDep.hello())
        IO.puts(FixtureApp.Greet.greet("protocols"))
        :fixture_erl.greet()
      end
    end
    """)

    write!(dir, "fixture_app/lib/fixture_app/greet.ex", """
    defprotocol FixtureApp.Greet do
      def greet(value)
    end

    defimpl FixtureApp.Greet, for: BitString do
      def greet(value), do: "hello, " <> value
    end
    """)

    write!(dir, "fixture_app/lib/fixture_app/unused.ex", """
    defmodule FixtureApp.Unused do
      def never_called, do: :ok
    end
    """)

    write!(dir, "fixture_app/lib/fixture_app/no_start.ex", """
    defmodule FixtureApp.NoStart do
      def begin, do: :ok
    end
    """)

    write!(dir, "fixture_app/src/fixture_erl.erl", ~S"""
    -module(fixture_erl).
    -export([start/0, greet/0, literals/0]).

    start() -> greet().

    greet() -> io:format("~p~n", [literals()]).

    literals() ->
        [{point, 1.5, -2.25}, #{name => <<"atomvm">>, tags => [a, b, c]},
         <<1, 2, 3, 4, 5, 6, 7, 8, 9, 10>>, "a string literal", 123456789012345678901234567890,
         {nested, {deeper, [1, 2, {3, 4}]}}].
    """)

    write!(dir, "fixture_app/priv/data.bin", <<1, 2, 3, 4, 5>>)
    write!(dir, "fixture_app/priv/sub/config.txt", "key=value\n")
    write!(dir, "fixture_app/priv/.hidden", "not packed")
    Path.join(dir, "fixture_app")
  end

  @doc """
  Creates `run_app` under `dir`, a project for `mix atomvm.run`: `RunApp` prints a
  greeting from its config and a priv file and uses a GenServer; `RunApp.Crash`
  raises; `RunApp.Exits` stops with a non-normal exit of the main process.
  """
  def create_runnable!(dir) do
    deps = ~s([{:atomvm_mix, path: #{inspect(@root)}, runtime: false}])
    write!(dir, "run_app/mix.exs", project(:run_app, "RunApp", deps, "[start: RunApp]"))

    write!(dir, "run_app/config/config.exs", """
    import Config
    config :run_app, greeting: "configured hello"
    """)

    write!(dir, "run_app/priv/motd.txt", "from priv\n")

    write!(dir, "run_app/lib/run_app.ex", """
    defmodule RunApp do
      @compile {:no_warn_undefined, :atomvm}
      def start do
        IO.puts(Application.get_env(:run_app, :greeting, "no config"))
        IO.write(:atomvm.read_priv(:run_app, "motd.txt"))
        {:ok, pid} = Agent.start_link(fn -> 40 end)
        Agent.update(pid, &(&1 + 2))
        IO.puts("answer: \#{Agent.get(pid, & &1)}")
        IO.puts("platform: \#{:atomvm.platform()}")
        IO.puts("machine: \#{:erlang.system_info(:machine)}")
      end
    end

    defmodule RunApp.Gpio do
      @compile {:no_warn_undefined, :gpio}
      def start, do: :gpio.set_pin_mode(2, :output)
    end

    defmodule RunApp.Utf8 do
      def start do
        IO.puts("é")
        IO.inspect(%{word: String.upcase("héllo")})
      end
    end

    defmodule RunApp.Crash do
      def start do
        IO.puts("about to crash")
        raise "boom from the start module"
      end
    end

    defmodule RunApp.Net do
      # Calls a server on the host (RUN_APP_HOST_PORT), tells it the port of its
      # own server, and serves the host's one request.
      def start do
        host_port = String.to_integer(System.fetch_env!("RUN_APP_HOST_PORT"))
        {:ok, l} = :gen_tcp.listen(0, [:binary, active: false, ip: {127, 0, 0, 1}])
        {:ok, my_port} = :inet.port(l)
        opts = [:binary, active: false, packet: 2]
        {:ok, s} = :gen_tcp.connect({127, 0, 0, 1}, host_port, opts, 10_000)
        :ok = :gen_tcp.send(s, Integer.to_string(my_port))
        {:ok, reply} = :gen_tcp.recv(s, 0, 10_000)
        IO.puts("host says: \#{reply}")
        {:ok, c} = :gen_tcp.accept(l, 10_000)
        {:ok, data} = :gen_tcp.recv(c, 0, 10_000)
        :ok = :gen_tcp.send(c, String.upcase(data))
        :ok = :gen_tcp.close(c)
        IO.puts("served the host")
      end
    end
    """)

    Path.join(dir, "run_app")
  end

  @doc """
  Creates `check_app` under `dir`, a project for `mix atomvm.check`: `CheckApp.start/0`
  calls `:lists.keysort/2` (line 3; not in AtomVM v0.6.6, in v0.7),
  `Enum.frequencies/1` (line 4; in no AtomVM release) and `:lists.keyfind/3` (line 5;
  in every release). With `indirect: true` it also has `CheckApp.Indirect`, which
  reaches `lists:sum/1` through a `fun` literal (line 3) and `lists:max` through
  `apply/3` with a variable argument list (line 4), both missing on v0.6.6.
  """
  def create_checkable!(dir, opts \\ []) do
    deps = ~s([{:atomvm_mix, path: #{inspect(@root)}, runtime: false}])
    write!(dir, "check_app/mix.exs", project(:check_app, "CheckApp", deps, "[start: CheckApp]"))

    write!(dir, "check_app/lib/check_app.ex", """
    defmodule CheckApp do
      def start do
        pairs = :lists.keysort(1, [{2, :b}, {1, :a}])
        counts = Enum.frequencies([1, 1, 2])
        found = :lists.keyfind(1, 1, pairs)
        :erlang.display({pairs, counts, found})
      end
    end
    """)

    if opts[:indirect] do
      write!(dir, "check_app/lib/check_app/indirect.ex", """
      defmodule CheckApp.Indirect do
        @moduledoc false
        def adder, do: &:lists.sum/1
        def biggest(args), do: apply(:lists, :max, args)
      end
      """)
    end

    Path.join(dir, "check_app")
  end

  @doc """
  AtomVM's real `atomvmlib` archives in the release layout (`TAG/ASSET` and
  `TAG/ASSET.sha256`): `ATOMVM_TEST_MIRROR`, else `../shared/atomvm-mirror` beside this
  repository; `nil` when absent.
  """
  def atomvm_mirror do
    dir = System.get_env("ATOMVM_TEST_MIRROR") || Path.expand("../shared/atomvm-mirror", @root)
    if File.dir?(dir), do: dir
  end

  @doc "Routes of `AtomVM.Test.HTTPServer` serving every file of the mirror `dir`."
  def mirror_routes(dir) do
    for file <- Path.wildcard(Path.join(dir, "*/*")), into: %{} do
      {"/" <> Path.relative_to(file, dir), {:ok, File.read!(file)}}
    end
  end

  @doc """
  Creates `device_app` under `dir`: `DeviceApp.start/0` uses only what AtomVM's
  library has (printing, lists, maps, processes), so it prints the same on OTP's
  libraries and on the device's.
  """
  def create_device_runnable!(dir) do
    deps = ~s([{:atomvm_mix, path: #{inspect(@root)}, runtime: false}])

    write!(
      dir,
      "device_app/mix.exs",
      project(:device_app, "DeviceApp", deps, "[start: DeviceApp]")
    )

    write!(dir, "device_app/lib/device_app.ex", """
    defmodule DeviceApp do
      def start do
        IO.puts("hello")
        doubled = Enum.map([1, 2, 3], fn x -> x * 2 end)
        IO.inspect(doubled)
        :io.format(~c"~p ~p~n", [:lists.reverse(doubled), {:a, 1}])
        parent = self()
        spawn(fn -> send(parent, {:sum, Enum.reduce(doubled, 0, &(&1 + &2))}) end)

        receive do
          {:sum, n} -> IO.puts("sum \#{n}")
        end

        IO.puts(Integer.to_string(255, 16))
      end
    end
    """)

    Path.join(dir, "device_app")
  end

  @doc """
  Runs `mix ARGS` in `dir` (MIX_ENV=dev, plus the variables in `env`) and returns
  `{output, exit_status}`.
  """
  def mix(dir, args, env \\ []) do
    System.cmd("mix", args,
      cd: dir,
      stderr_to_stdout: true,
      env: [{"MIX_ENV", "dev"}, {"MIX_EXS", nil}, {"MIX_BUILD_PATH", nil} | env]
    )
  end

  @doc "Copies a fixture tree (symlinks kept) so a test can change it freely."
  def copy!(from, to) do
    File.mkdir_p!(Path.dirname(to))
    {_, 0} = System.cmd("cp", ["-a", from, to])
    to
  end

  defp project(app, mod, deps, atomvm) do
    """
    defmodule #{mod}.MixProject do
      use Mix.Project

      def project do
        [app: #{inspect(app)}, version: "0.1.0", elixir: "~> 1.14", deps: #{String.trim(deps)}, atomvm: #{atomvm}]
      end

      def application, do: []
    end
    """
  end

  defp write!(dir, path, contents) do
    full = Path.join(dir, path)
    File.mkdir_p!(Path.dirname(full))
    File.write!(full, contents)
  end
end
