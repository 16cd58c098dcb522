module "ecr_image" {
  source = "./modules/ecr"
}
