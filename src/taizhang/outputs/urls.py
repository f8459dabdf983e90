app_name = "outputs"
urlpatterns = []
