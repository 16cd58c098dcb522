trainer.save_model("chatmate_router_model")
tokenizer.save_pretrained("chatmate_router_model")
