defmodule AtomVM.Runner do
  @moduledoc """
  Runs an `.avm` archive in the host VM as a child process: its standard output is
  copied to ours as it comes, its standard error goes straight to ours, and its exit
  status is returned.

  The VM is told explicitly where the host's Erlang/OTP and Elixir libraries are
  (`ATOMVM_OTP_ROOT`, `ATOMVM_ELIXIR_ROOT`), and receives the application
  environment (from the project's config) as a file of `term_to_binary/1`.
  """

  @typedoc "Options of `run/2`."
  @type option ::
          {:vm, Path.t()}
          | {:app_env, [{atom(), keyword()}]}
          | {:paths, [Path.t()]}
          | {:start, module() | nil}
          | {:args, [String.t()]}
          | {:output, (binary() -> any())}

  # The program's bytes go to file descriptor 1 unchanged: through the BEAM's io
  # server they would be re-encoded by the encoding of Mix's standard output
  # (UTF-8 output of the VM, taken for latin1, came out as "Ã©" for "é").
  defp raw_stdout do
    out = Port.open({:fd, 0, 1}, [:binary, :out])
    &Port.command(out, &1)
  end

  @doc """
  Runs `avm` and waits for the VM to end; returns its exit status. `:output` receives
  each chunk of the program's standard output (default: written to our stdout).
  """
  @spec run(Path.t(), [option()]) :: non_neg_integer()
  def run(avm, opts) do
    vm = Keyword.fetch!(opts, :vm)
    output = Keyword.get_lazy(opts, :output, &raw_stdout/0)
    env_file = write_app_env(Keyword.get(opts, :app_env, []))

    # The VM runs in a session of its own, where the terminal's Ctrl-C does not
    # reach: Ctrl-C is caught here (instead of opening the BEAM's break menu) and
    # ends the VM.
    keyboard = AtomVM.Native.keyboard_start(self())

    try do
      port =
        Port.open({:spawn_executable, vm}, [
          :binary,
          :exit_status,
          :use_stdio,
          :hide,
          args: args(avm, env_file, opts),
          env: library_env()
        ])

      collect(port, output, keyboard)
    after
      AtomVM.Native.keyboard_stop(keyboard)
      File.rm(env_file)
    end
  end

  @doc "The VM's command-line arguments for `avm` (without the executable)."
  @spec args(Path.t(), Path.t(), [option()]) :: [String.t()]
  def args(avm, env_file, opts) do
    paths = Enum.flat_map(Keyword.get(opts, :paths, []), &["--path", &1])

    start =
      case Keyword.get(opts, :start) do
        nil -> []
        module -> ["--start", Atom.to_string(module)]
      end

    # The VM stops when its standard input (our port) closes: if Mix dies, so does it.
    paths ++
      start ++
      ["--exit-with-stdin", "--app-env", env_file] ++ Keyword.get(opts, :args, []) ++ [avm]
  end

  # The roots of the Erlang/OTP and Elixir installations running Mix, so the VM loads
  # the same standard library the project was compiled against.
  defp library_env do
    elixir_root = :elixir |> :code.lib_dir() |> Path.join("../..") |> Path.expand()

    [
      {~c"ATOMVM_OTP_ROOT", :code.root_dir()},
      {~c"ATOMVM_ELIXIR_ROOT", String.to_charlist(elixir_root)}
    ]
  end

  defp write_app_env(app_env) do
    path = AtomVM.Tmp.path("atomvm-app-env", ".etf")
    File.write!(path, :erlang.term_to_binary(app_env))
    path
  end

  # Ctrl-C ends the program with status 130, as a shell reports it. (Port programs
  # inherit an ignored SIGINT from the BEAM's child launcher, so SIGTERM is sent.)
  defp collect(port, output, keyboard, interrupted \\ false) do
    receive do
      {^port, {:data, data}} ->
        output.(data)
        collect(port, output, keyboard, interrupted)

      {:atomvm_keyboard, ^keyboard, :interrupt} ->
        case Port.info(port, :os_pid) do
          {:os_pid, pid} -> System.cmd("kill", ["-TERM", Integer.to_string(pid)])
          nil -> :ok
        end

        collect(port, output, keyboard, true)

      {^port, {:exit_status, status}} ->
        if interrupted, do: 130, else: status
    end
  end
end
