defmodule AtomVM.SettingsTest do
  # The one settings pipeline of the board tasks: each setting from the first place
  # that has it, with that place named; the spec belongs to the task.
  use ExUnit.Case, async: false

  alias AtomVM.Settings

  @spec_ [
    board: [default: "pico"],
    baud: [default: 115_200, user_key: :monitor_baud],
    family: [board: :uf2_family],
    firmware_version: [switch: :version]
  ]

  defp facts("pico"), do: {:ok, %{uf2_family: "rp2040"}}
  defp facts("other"), do: {:ok, %{uf2_family: "other-family"}}
  defp facts(name), do: {:error, {:unknown_board, name, ["pico", "other"]}}

  defp resolve(opts, user, spec \\ @spec_) do
    {:ok, s} = Settings.resolve(spec, opts, user, &facts/1)
    Map.new(Settings.known(), &{&1, {Settings.value(s, &1), Settings.source(s, &1)}})
  end

  setup do
    on_exit(fn -> System.delete_env("ATOMVM_BAUD") end)
  end

  test "the command line, then mix.exs, then the environment, then the board, then the default" do
    assert %{baud: {115_200, "default"}, board: {"pico", "default"}} = resolve([], [])
    assert %{family: {"rp2040", "boards/pico.toml"}} = resolve([], [])

    System.put_env("ATOMVM_BAUD", "9600")
    assert %{baud: {9600, "ATOMVM_BAUD"}} = resolve([], [])

    assert %{baud: {57_600, "mix.exs atomvm: [monitor_baud: ...]"}} =
             resolve([], monitor_baud: 57_600)

    assert %{baud: {230_400, "--baud"}} = resolve([baud: "230400"], monitor_baud: 57_600)
    assert %{family: {"x", "mix.exs atomvm: [uf2_family: ...]"}} = resolve([], uf2_family: "x")
    assert %{family: {"y", "--family"}} = resolve([family: "y"], uf2_family: "x")
  end

  test "the board the other sources chose supplies the board fields" do
    assert %{board: {"other", "--board"}, family: {"other-family", "boards/other.toml"}} =
             resolve([board: "other"], [])

    assert %{board: {"other", "mix.exs atomvm: [board: ...]"}} = resolve([], board: :other)
  end

  test "a task's own switch names are reported as typed" do
    assert %{firmware_version: {"v0.6.6", "--version"}} = resolve([version: "v0.6.6"], [])
    assert %{firmware_version: {nil, "unset"}} = resolve([], [])
  end

  test "no defaults are shared between tasks: a spec without one leaves the setting unset" do
    assert %{baud: {nil, "unset"}, port: {nil, "unset"}} = resolve([], [], baud: [], port: [])
  end

  test "a bad value names the setting, the value and where it came from" do
    assert {:error, {:invalid_setting, :baud, "fast", "--baud"}} =
             Settings.resolve(@spec_, [baud: "fast"], [], &facts/1)

    assert {:error, {:invalid_setting, :baud, "x", "mix.exs atomvm: [monitor_baud: ...]"}} =
             Settings.resolve(@spec_, [], [monitor_baud: "x"], &facts/1)

    assert {:error, {:unknown_board, "nope", _}} =
             Settings.resolve(@spec_, [board: "nope"], [], &facts/1)
  end

  test "sources lists each setting with its value and origin" do
    {:ok, s} = Settings.resolve([app_start: [default: 0x10000000]], [], [])
    assert Settings.sources(s) == "  app_start = 0x10000000  (default)"
  end
end
