import os
import shutil
from pathlib import Path

import torch
import torch.nn.functional as F

from huggingface_hub import upload_folder
from transformers import Trainer
from transformers.trainer_utils import HubStrategy, IntervalStrategy
from transformers.utils import CONFIG_NAME, SAFE_WEIGHTS_NAME, WEIGHTS_NAME, PushInProgress

PREFIX_CHECKPOINT_DIR = "checkpoint"
TRAINING_ARGS_NAME = "training_args.bin"


# subclass Trainer for custom loss
class CustomTrainer(Trainer):
    def __init__(self, push_hub_every=None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.push_hub_every = push_hub_every
        assert self.push_hub_every % self.args.save_steps == 0

    def compute_loss(self, model, inputs, return_outputs=False):
        inputs = torch.stack([item[0] for item in inputs])
        outputs = model(inputs)
        logits = outputs.logits
        loss = lm_cross_entropy_loss(logits, inputs)
        return (loss, outputs) if return_outputs else loss

    def _save_checkpoint(self, model, trial, metrics=None):
        checkpoint_folder = f"{PREFIX_CHECKPOINT_DIR}-{self.state.global_step}"
        run_dir = self._get_output_dir(trial=trial)
        output_dir = os.path.join(run_dir, checkpoint_folder)
        self.save_model(output_dir, _internal_call=True)

        if not self.args.save_only_model:
            self._save_optimizer_and_scheduler(output_dir)
            self._save_rng_state(output_dir)

        if self.args.push_to_hub:
            if self.push_hub_every:
                if self.state.global_step > 0 and self.state.global_step % self.push_hub_every == 0:
                    last_global_save_step = self.state.global_step - self.push_hub_every
                    checkpoint_folders = [f"{PREFIX_CHECKPOINT_DIR}-{i}" for i in range(last_global_save_step + self.args.save_steps, self.state.global_step + 1, self.args.save_steps)]
                    self._push_from_checkpoints(checkpoint_folders)
            else:
                self._push_from_checkpoint(output_dir)

        if self.args.should_save:
            self._rotate_checkpoints(use_mtime=False, output_dir=run_dir)

    def _push_from_checkpoints(self, checkpoint_folders):
        if not self.is_world_process_zero() or self.args.hub_strategy == HubStrategy.END:
            return
        if not self.args.hub_always_push and self.push_in_progress is not None and not self.push_in_progress.is_done():
            return

        output_dir = self.args.output_dir
        upload_dir = Path(output_dir + "-upload-" + str(self.state.global_step))
        modeling_files = [CONFIG_NAME, WEIGHTS_NAME, SAFE_WEIGHTS_NAME]
        for modeling_file in modeling_files:
            for checkpoint_folder in checkpoint_folders:
                if os.path.isfile(os.path.join(output_dir, checkpoint_folder, modeling_file)):
                    shutil.copy(os.path.join(output_dir, checkpoint_folder, modeling_file), os.path.join(upload_dir, checkpoint_folder, modeling_file))
        for checkpoint_folder in checkpoint_folders:
            torch.save(self.args, os.path.join(upload_dir, checkpoint_folder, TRAINING_ARGS_NAME))

        if self.args.save_strategy == IntervalStrategy.STEPS:
            commit_message = f"Training in progress, step {self.state.global_step}"
        else:
            commit_message = f"Training in progress, epoch {int(self.state.epoch)}"

        push_jobs = []
        if self.args.hub_strategy in [HubStrategy.CHECKPOINT, HubStrategy.ALL_CHECKPOINTS]:
            checkpoint_push = upload_folder(
                repo_id=self.hub_model_id,
                folder_path=upload_dir,
                commit_message=commit_message + ", checkpoint",
                token=self.args.hub_token,
                run_as_future=True,
            )
            push_jobs.append(checkpoint_push)

        if self.push_in_progress is None or self.push_in_progress.is_done():
            self.push_in_progress = PushInProgress(push_jobs)
        else:
            self.push_in_progress.jobs.extend(push_jobs)


def lm_cross_entropy_loss(logits, tokens, per_token: bool = False):
    """Cross entropy loss for predicting the NEXT token."""
    log_probs = F.log_softmax(logits, dim=-1)
    predicted_log_probs = log_probs[..., :-1, :].gather(dim=-1, index=tokens[..., 1:, None])[..., 0]
    if per_token:
        return -predicted_log_probs
    return -predicted_log_probs.mean()


def custom_data_collator(features):
    # a dummy collator that returns the input unchanged
    return features
