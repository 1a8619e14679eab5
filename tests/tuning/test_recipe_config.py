"""Recipe validation: overrides, 'did you mean' hints, typed errors, bad input refused before training."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from aikojo.errors import InvalidInput
from aikojo.tuning.runner import load_recipe
from tests.tuning.helpers import make_recipe

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "recipes"


@pytest.mark.parametrize("name", ["lora-demo", "qlora-demo", "full-demo", "prompt-demo"])
def test_example_recipes_are_valid_and_find_their_data(name):
    recipe = load_recipe(EXAMPLES / f"{name}.yaml")
    assert recipe.data.path.is_file() and recipe.base_model == "demo"


def test_overrides_set_nested_fields_with_typed_values():
    recipe = load_recipe(EXAMPLES / "lora-demo.yaml",
                         overrides=["train.max_steps=3", "lora.dora=true", "lora.target_modules=[q_proj,v_proj]"])
    assert recipe.train.max_steps == 3 and recipe.lora.dora is True
    assert recipe.lora.target_modules == ["q_proj", "v_proj"]


def test_unknown_key_in_the_file_suggests_the_closest_key(tmp_path):
    data = yaml.safe_load((EXAMPLES / "lora-demo.yaml").read_text())
    data["train"]["learnig_rate"] = 0.1
    path = tmp_path / "r.yaml"
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(InvalidInput, match=r"r\.yaml: unknown key 'train\.learnig_rate'; did you mean "
                                           r"'train\.learning_rate'\?"):
        load_recipe(path)


def test_unknown_override_section_suggests_the_closest_section():
    with pytest.raises(InvalidInput, match="unknown key 'trian'; did you mean 'train'"):
        load_recipe(EXAMPLES / "lora-demo.yaml", overrides=["trian.max_steps=1"])


def test_ill_typed_and_missing_values_name_the_field():
    with pytest.raises(InvalidInput, match=r"'lora\.r': Input should be a valid integer") as err:
        load_recipe(EXAMPLES / "lora-demo.yaml", overrides=["lora.r=abc"])
    assert err.value.param == "lora.r"
    with pytest.raises(InvalidInput, match="'method'"):
        load_recipe({"name": "x", "data": {"path": "d.jsonl"}})
    with pytest.raises(InvalidInput, match="unknown metric 'rouge'"):
        load_recipe(EXAMPLES / "lora-demo.yaml", overrides=["eval.metrics=[rouge]"])


def test_a_recipe_survives_a_round_trip_through_its_own_dump(claims_small):
    recipe = load_recipe(make_recipe(claims_small))
    again = load_recipe(recipe.model_dump(mode="json", exclude_none=True))
    assert again == recipe


@pytest.mark.parametrize(("override", "message"), [
    ("base_model=/no/such/model", "folder not found"),
    ("train.device=cuda", "no CUDA device"),
    ("train.fp16=true", "needs a CUDA device"),
    ("train.fsdp=true", "needs CUDA"),
])
def test_bad_runs_are_refused_before_anything_is_stored(claims_small, tune_platform, admin, tmp_path,
                                                        override, message):
    import torch

    if torch.cuda.is_available() and "cuda" in override.lower():
        pytest.skip("this machine has CUDA")
    from aikojo.registry import service
    from aikojo.tuning.runner import run_recipe

    recipe = load_recipe(make_recipe(claims_small), overrides=[override])
    with pytest.raises(InvalidInput, match=message):
        run_recipe(recipe, platform=tune_platform, actor=admin, output_dir=tmp_path, progress=False)
    assert service.list_items(tune_platform, admin, "runs") == []
    assert service.list_items(tune_platform, admin, "datasets") == []


def test_a_bad_dataset_is_refused_before_anything_is_stored(tune_platform, admin, tmp_path):
    from aikojo.registry import service
    from aikojo.tuning.data import DatasetError
    from aikojo.tuning.runner import run_recipe

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"messages": []}\n')
    with pytest.raises(DatasetError, match=":1: field 'messages'"):
        run_recipe(load_recipe(make_recipe(bad)), platform=tune_platform, actor=admin, output_dir=tmp_path,
                   progress=False)
    assert service.list_items(tune_platform, admin, "runs") == []
