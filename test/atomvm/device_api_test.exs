defmodule AtomVM.DeviceAPITest do
  use ExUnit.Case, async: true

  alias AtomVM.DeviceAPI

  test "the default release runs the beams of the OTP in use, stable first" do
    all = ["v0.7.0-beta.0", "v0.7.0-alpha.1", "v0.7.0-alpha.0", "v0.6.6", "v0.6.5"]
    assert DeviceAPI.pick(all, 25) == "v0.6.6"
    assert DeviceAPI.pick(all, 27) == "v0.7.0-beta.0"
    assert DeviceAPI.pick(all, 29) == "v0.7.0-beta.0"
    # Only pre-releases: the newest that accepts (alpha.1 takes OTP 26-29 only).
    assert DeviceAPI.pick(["v0.7.0-alpha.1", "v0.7.0-alpha.0"], 25) == "v0.7.0-alpha.0"
    # No facts about a release: the first listed.
    assert DeviceAPI.pick(["v9.9.9"], 25) == "v9.9.9"
  end

  test "every release file reads, and names the OTP range of its sources" do
    ranges = Map.new(DeviceAPI.releases(), &{&1, elem(DeviceAPI.load(&1), 1).otp})

    assert ranges == %{
             "v0.6.4" => {21, 26},
             "v0.6.5" => {21, 26},
             "v0.6.6" => {21, 26},
             "v0.7.0-alpha.0" => {21, 29},
             "v0.7.0-alpha.1" => {26, 29},
             "v0.7.0-beta.0" => {26, 29}
           }
  end
end
