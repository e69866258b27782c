defmodule AtomVM.Test.FakeESP32 do
  @moduledoc """
  A simulated ESP32 bootloader on a pseudo-terminal for end-to-end tests of the
  `atomvm.esp32.*` tasks: `native/esp_fake_rom`'s `esp-fake-rom` program, built with
  cargo on first use. `stop/1` ends it and returns the flash it holds.
  """

  @root Path.expand("../..", __DIR__)

  @doc "Starts a fake chip; returns `%{port: port, path: pty_path, dump: file}`."
  def start!(args) do
    exe = build!()
    dump = Path.join(System.tmp_dir!(), "fake-esp32-#{System.unique_integer([:positive])}.bin")

    port =
      Port.open({:spawn_executable, exe}, [:binary, {:line, 4096}, args: args ++ ["--dump", dump]])

    receive do
      {^port, {:data, {:eol, path}}} -> %{port: port, path: path, dump: dump}
    after
      10_000 -> raise "esp-fake-rom did not start"
    end
  end

  @doc "Stops the fake chip and returns its whole flash."
  def stop(%{port: port, dump: dump}) do
    Port.close(port)
    wait_for(dump, 100)
    bytes = File.read!(dump)
    File.rm(dump)
    bytes
  end

  defp wait_for(file, 0), do: raise("esp-fake-rom wrote no flash dump #{file}")

  defp wait_for(file, n) do
    # The dump is complete once its size is the flash's (4 MiB).
    case File.stat(file) do
      {:ok, %{size: 4_194_304}} ->
        :ok

      _ ->
        Process.sleep(50)
        wait_for(file, n - 1)
    end
  end

  defp build! do
    {out, status} =
      System.cmd("cargo", ["build", "--quiet", "-p", "esp_fake_rom", "--bin", "esp-fake-rom"],
        cd: @root,
        stderr_to_stdout: true
      )

    if status != 0, do: raise("cannot build esp-fake-rom:\n" <> out)
    target = System.get_env("CARGO_TARGET_DIR") || Path.join(@root, "target")
    Path.join([target, "debug", "esp-fake-rom"])
  end
end
