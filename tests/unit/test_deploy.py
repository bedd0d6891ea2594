"""Static checks of deploy/: no Docker engine runs here, so what can be read is checked."""

import configparser
import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def dockerfile():
    return (DEPLOY / "Dockerfile").read_text(encoding="utf-8")


def test_the_dockerfile_runs_the_installed_console_script_as_a_non_root_user():
    text = dockerfile()
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert 'ENTRYPOINT ["balance-bot"]' in text
    assert "balance-bot" in scripts
    assert re.search(r"^FROM python:3\.11\.\d+-slim-\w+@sha256:[0-9a-f]{64}$", text, re.MULTILINE)
    assert re.search(r"^USER balance$", text, re.MULTILINE)
    assert "HEALTHCHECK" in text
    assert 'CMD ["balance-bot", "health"]' in text


def test_the_dockerfile_copies_only_what_exists():
    for source in re.findall(r"^COPY (.+) \S+$", dockerfile(), re.MULTILINE):
        for path in source.split():
            assert (ROOT / path).exists(), path


def test_the_dockerfile_copies_every_folder_the_bot_reads_at_start():
    copied = {
        path
        for source in re.findall(r"^COPY (.+) \S+$", dockerfile(), re.MULTILINE)
        for path in source.split()
    }
    assert {"src", "sheet_templates", "prompts"} <= copied


def test_the_compose_file_parses_and_points_at_files_that_exist():
    compose = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text(encoding="utf-8"))
    bot, ollama = compose["services"]["bot"], compose["services"]["ollama"]
    context = (DEPLOY / bot["build"]["context"]).resolve()
    assert context == ROOT
    assert (context / bot["build"]["dockerfile"]).exists()
    assert (DEPLOY / bot["env_file"]).resolve().parent == ROOT
    assert (ROOT / ".env.example").exists()  # the env_file is made from it
    assert "bot-data:/app/data" in bot["volumes"]
    assert (ROOT / "secrets").is_dir()
    assert any(volume.startswith("ollama-models:") for volume in ollama["volumes"])
    assert set(compose["volumes"]) == {"bot-data", "ollama-models"}
    assert bot["environment"]["OLLAMA_HOST"] == "http://ollama:11434"


def test_the_systemd_unit_runs_the_bot_and_may_write_only_its_data():
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str
    unit.read_string((DEPLOY / "balance-bot.service").read_text(encoding="utf-8"))
    service = unit["Service"]
    assert service["ExecStart"].endswith("/.venv/bin/balance-bot run")
    assert service["ReadWritePaths"] == "/opt/balance-bot/data"
    assert service["User"] != "root"
    assert unit["Install"]["WantedBy"] == "multi-user.target"


def test_the_image_installs_the_locked_versions_with_their_hashes():
    text = dockerfile()
    assert "COPY requirements/lock.txt" in text
    assert "pip install --require-hashes --no-deps -r requirements/lock.txt" in text
    assert "--no-deps --no-build-isolation -e ." in text


def test_every_locked_requirement_has_an_exact_version_and_a_hash():
    for name in ("lock.txt", "dev-lock.txt"):
        text = (ROOT / "requirements" / name).read_text(encoding="utf-8")
        requirements = re.findall(r"^([A-Za-z0-9_.\-\[\]]+)(==|>=|~=|<)?", text, re.MULTILINE)
        assert requirements
        assert all(operator == "==" for _, operator in requirements), name
        assert text.count("==") <= text.count("--hash=sha256:"), name


def test_the_lock_holds_every_dependency_of_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    locked = (ROOT / "requirements" / "dev-lock.txt").read_text(encoding="utf-8").lower()
    for requirement in project["dependencies"] + project["optional-dependencies"]["dev"]:
        name = re.split(r"[\[<>=~ ]", requirement, maxsplit=1)[0].lower().replace("_", "-")
        assert f"\n{name}==" in "\n" + locked, name


def test_ollama_is_an_optional_profile_and_every_service_has_rotated_logs_and_a_memory_limit():
    compose = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text(encoding="utf-8"))
    bot, ollama = compose["services"]["bot"], compose["services"]["ollama"]
    assert ollama["profiles"] == ["ollama"]
    assert "depends_on" not in bot  # the bot starts alone on a small server
    assert re.fullmatch(r"ollama/ollama:\d+\.\d+\.\d+", ollama["image"])
    for service in (bot, ollama):
        assert service["logging"]["options"]["max-size"]
        assert service["mem_limit"]


def test_the_base_image_is_pinned_by_its_version_and_its_digest():
    [base] = re.findall(r"^FROM (\S+)", dockerfile(), re.MULTILINE)
    tag, digest = base.split("@")
    assert re.fullmatch(r"python:3\.11\.\d+-slim-bookworm", tag)
    assert re.fullmatch(r"sha256:[0-9a-f]{64}", digest)


def test_the_compose_file_serves_the_mini_app_on_the_hosts_loopback_for_the_proxy():
    compose = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text(encoding="utf-8"))
    bot = compose["services"]["bot"]
    inside = bot["environment"]
    assert inside["WEBAPP_LISTEN"] == "0.0.0.0"  # 127.0.0.1 inside a container is reachable from nowhere
    published = [port.split(":") for port in bot["ports"]]
    assert ["127.0.0.1", "8090", inside["WEBAPP_PORT"]] in published
    assert all(host == "127.0.0.1" for host, _, _ in published)  # never on the server's public address
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    docker = readme[readme.index("- **Docker:**") : readme.index("- **Webhook**")]
    assert "127.0.0.1:8090" in docker
    assert "reverse_proxy 127.0.0.1:8090" in readme  # the proxy line the guide gives reaches it
