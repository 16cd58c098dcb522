from pathlib import Path

import torch
import torch.optim as optim
import typer
from loguru import logger
from torch.utils.data import DataLoader

from customer_support.data import TicketDataset
from customer_support.model import get_model

DEVICE = torch.device("cuda" if torch.cuda.is_available() else "cpu")


def train(
    data_root: str | Path = "data",
    dataset_type: str = "small",
    batch_size: int = 32,
    learning_rate: float = 5e-5,
    num_epochs: int = 3,
    patience: int = 2,
    output_dir: str | Path = "models",
    seed: int = 42,
) -> dict[str, float]:
    """Train the customer support ticket classifier."""
    torch.manual_seed(seed)
    if torch.cuda.is_available():
        torch.cuda.manual_seed_all(seed)

    train_dataset = TicketDataset(root=data_root, split="train", dataset_type=dataset_type)
    val_dataset = TicketDataset(root=data_root, split="validation", dataset_type=dataset_type)
    train_loader = DataLoader(train_dataset, batch_size=batch_size, shuffle=True)
    val_loader = DataLoader(val_dataset, batch_size=batch_size, shuffle=False)

    model = get_model().to(DEVICE)
    optimizer = optim.AdamW(model.parameters(), lr=learning_rate)

    best_val_loss = float("inf")
    epochs_without_improvement = 0
    best_model_state = None
    final_metrics = {}

    for epoch in range(num_epochs):
        model.train()
        train_loss = 0.0
        for batch in train_loader:
            optimizer.zero_grad()
            outputs = model(batch["input_ids"].to(DEVICE), attention_mask=batch["attention_mask"].to(DEVICE), labels=batch["labels"].to(DEVICE))
            outputs.loss.backward()
            optimizer.step()
            train_loss += outputs.loss.item()

        model.eval()
        val_loss = 0.0
        with torch.no_grad():
            for batch in val_loader:
                outputs = model(batch["input_ids"].to(DEVICE), attention_mask=batch["attention_mask"].to(DEVICE), labels=batch["labels"].to(DEVICE))
                val_loss += outputs.loss.item()
        avg_val_loss = val_loss / len(val_loader)
        logger.info(f"Epoch {epoch + 1}/{num_epochs} - Train Loss: {train_loss / len(train_loader):.4f} - Val Loss: {avg_val_loss:.4f}")

        if avg_val_loss < best_val_loss:
            best_val_loss = avg_val_loss
            epochs_without_improvement = 0
            best_model_state = model.state_dict().copy()
            final_metrics = {"val_loss": avg_val_loss}
        else:
            epochs_without_improvement += 1
        if epochs_without_improvement >= patience:
            logger.info(f"Early stopping triggered after {epoch + 1} epochs")
            break

    if best_model_state is not None:
        output_path = Path(output_dir)
        output_path.mkdir(parents=True, exist_ok=True)
        torch.save(best_model_state, output_path / f"model_{dataset_type}.pt")

    return final_metrics


app = typer.Typer(help="Customer support model training")


@app.command(name="train")
def train_command(
    dataset_type: str = typer.Option("small", "-d", "--dataset-type"),
    num_epochs: int = typer.Option(3, "-e", "--epochs"),
    seed: int = typer.Option(42, "--seed"),
) -> None:
    train(dataset_type=dataset_type, num_epochs=num_epochs, seed=seed)


if __name__ == "__main__":
    app()
