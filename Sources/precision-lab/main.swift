print("precision-lab")
